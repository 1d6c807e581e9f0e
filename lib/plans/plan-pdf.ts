import 'server-only';
import PDFDocument from 'pdfkit';
import { formatMoney } from '@/lib/catalog/currency';
import { credentialTypeLabels, type CredentialType } from '@/lib/catalog/vocabulary';
import type { PlanDetails } from './plan-details';
import { percent, planCostSummary, programStateNote, quantity, stepDates } from './plan-format';
import { planStepStatusLabels } from './plan-vocabulary';

const margin = 56;
const footerHeight = 28;
const ink = '#0f172a';
const muted = '#475569';

/** Characters beyond WinAnsi that plan text commonly holds and Unicode does not decompose, spelled with ones Helvetica has. */
const asciiFallbacks: Record<string, string> = { '→': '->', '≈': '~', '≤': '<=', '≥': '>=', '\u202f': ' ', '\u2009': ' ', '\u2011': '-', Ł: 'L', ł: 'l', Đ: 'D', đ: 'd' };
/** Code points above 255 that WinAnsi (the built-in fonts' encoding) maps; pdfkit encodes them itself. */
const winAnsiExtras = new Set('ƒ–—‘’‚“”„†‡•…€‰‹›ˆ™ŒœŠšŸŽž˜');

/**
 * The built-in Helvetica encodes only WinAnsi: other characters would print as garbage, so
 * accents outside it lose their mark (ő → o) and anything else becomes "?".
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code >= 32 && code <= 255 && !(code >= 127 && code < 160)) || char === '\n' || winAnsiExtras.has(char)) out += char;
    else if (asciiFallbacks[char]) out += asciiFallbacks[char];
    else {
      const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += [...base].every((c) => c.codePointAt(0)! < 256) && base ? base : '?';
    }
  }
  return out;
}

const credentialLabel = (type: string | null) => (type ? (credentialTypeLabels[type as CredentialType] ?? type) : null);
const slugOf = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/** `plan-<slug of the title>.pdf`, safe in a Content-Disposition header. */
export const planPdfFilename = (title: string) => `plan-${slugOf(title) || 'untitled'}.pdf`;

/**
 * The plan as an A4 PDF: organisation, client, goal, date, totals, then each step as a
 * numbered entry with its facts; text wraps and flows onto further pages, each with a footer.
 * Built-in fonts only, so nothing is fetched or read from disk.
 */
export function renderPlanPdf(details: PlanDetails, generatedAt = new Date()): Promise<Buffer> {
  const { plan, client, goal, steps, totals, timeline } = details;
  const doc = new PDFDocument({ size: 'A4', margins: { top: margin, left: margin, right: margin, bottom: margin + footerHeight }, bufferPages: true, info: { Title: toWinAnsi(plan.title), Creator: 'Credpath' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const write = (text: string, opts: { font?: 'Helvetica' | 'Helvetica-Bold' | 'Helvetica-Oblique'; size?: number; color?: string; indent?: number; gap?: number } = {}) => {
    doc.font(opts.font ?? 'Helvetica').fontSize(opts.size ?? 10).fillColor(opts.color ?? ink);
    doc.text(toWinAnsi(text), margin + (opts.indent ?? 0), undefined, { width: doc.page.width - 2 * margin - (opts.indent ?? 0) });
    if (opts.gap) doc.moveDown(opts.gap);
  };
  const fact = (label: string, value: string, indent: number) => {
    doc.font('Helvetica-Bold').fontSize(9.5).fillColor(muted);
    doc.text(toWinAnsi(`${label}: `), margin + indent, undefined, { continued: true, width: doc.page.width - 2 * margin - indent });
    doc.font('Helvetica').fillColor(ink).text(toWinAnsi(value));
  };
  const heading = (text: string) => {
    doc.moveDown(0.8);
    write(text, { font: 'Helvetica-Bold', size: 13, gap: 0.3 });
  };

  write(details.orgName ?? 'Career plan', { font: 'Helvetica-Bold', size: 18, gap: 0.2 });
  write(plan.title, { size: 14, gap: 0.6 });
  fact('Client', client.fullName, 0);
  fact('Goal', goal ? goal.goal.title : 'No goal set', 0);
  fact('Generated', generatedAt.toISOString().slice(0, 10), 0);
  if (plan.status === 'archived') fact('Status', 'Archived plan', 0);

  heading('Totals');
  fact('Cost', planCostSummary(totals.cost), 0);
  fact('Time', `${totals.hours} h over ${totals.weeks} weeks of programs`, 0);
  fact('Progress', `${totals.completedSteps} of ${totals.steps} steps completed`, 0);
  if (totals.coverage) fact('Goal covered', `${percent(totals.coverage.before)} now, ${percent(totals.coverage.after)} once the plan is completed (closes ${totals.coverage.gapSkillsClosed} of ${totals.coverage.gapSkills} gap skills)`, 0);
  if (timeline.start && timeline.end) fact('Timeline', `${timeline.start} to ${timeline.end}`, 0);
  if (totals.inDemandSkillsGained.length) fact('In-demand skills gained', totals.inDemandSkillsGained.map((s) => s.label).join(', '), 0);

  heading(`Steps (${steps.length})`);
  if (steps.length === 0) write('No programs in this plan yet.', { color: muted });
  const entries = new Map(timeline.entries.map((e) => [e.stepId, e]));
  steps.forEach((step, index) => {
    const indent = 16;
    // Start a step near the bottom of a page on the next one, so its title stays with its facts.
    if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
    else doc.moveDown(0.5);
    write(`${index + 1}. ${step.programTitle}`, { font: 'Helvetica-Bold', size: 11 });
    const state = programStateNote[step.programState];
    if (state) write(state, { font: 'Helvetica-Oblique', size: 9.5, color: muted, indent });
    fact('Provider', [step.providerName, credentialLabel(step.credentialType)].filter(Boolean).join(' · '), indent);
    fact('Status', planStepStatusLabels[step.status], indent);
    fact('Dates', stepDates(entries.get(step.id)), indent);
    fact('Cost', formatMoney(step.cost, step.currency), indent);
    fact('Effort', `${quantity(step.hours, 'h')}, ${quantity(step.weeks, 'weeks')}`, indent);
    if (step.goalSkills.length) fact('Gap skills covered', step.goalSkills.map((s) => (s.isHeld ? `${s.label} (held)` : s.label)).join(', '), indent);
    for (const path of step.stackPaths) fact('Stacks into', path.map((n) => n.title).join(' -> '), indent);
    if (step.unresolvedStacksInto.length) fact('Also counts towards', step.unresolvedStacksInto.join(', '), indent);
  });

  // Footers go on last, when the page count is known; writing below the bottom margin would start a new page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8.5).fillColor(muted);
    doc.text(`Generated by Credpath · page ${i + 1} of ${range.count}`, margin, doc.page.height - margin, { width: doc.page.width - 2 * margin, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
