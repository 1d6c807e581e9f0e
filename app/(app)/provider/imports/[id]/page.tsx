import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { getImport } from '@/lib/imports/program-import';
import { Alert } from '../../../../_components/alert';
import { Button, LinkButton } from '../../../../_components/button';
import { Badge, Card, EmptyState, PageHeader } from '../../../../_components/layout-bits';
import { DataTable } from '../../../../_components/table';
import { confirmImportAction } from '../actions';
import { importStatusTone } from '../status-tone';
import { AutoRefresh } from './auto-refresh';

export const metadata: Metadata = { title: 'Import report' };

export default async function ImportReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor('programs:manage', `/provider/imports/${id}`);
  const record = await getImport(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  const isRunning = record.status === 'importing';
  const percent = record.validRows ? Math.round((record.processedRows / record.validRows) * 100) : 0;
  return (
    <div className="flex flex-col gap-6">
      <AutoRefresh isActive={isRunning} />
      <PageHeader title={`Import: ${record.filename}`} description={`${record.format.toUpperCase()} file uploaded ${record.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`} actions={<Badge tone={importStatusTone[record.status]}>{record.status}</Badge>} />

      <Card title="Summary">
        <dl className="grid gap-4 sm:grid-cols-4">
          {[
            ['Rows read', record.totalRows],
            ['Valid', record.validRows],
            ['With errors', record.errorCount],
            ['Created / updated', record.status === 'completed' ? `${record.created} / ${record.updated}` : '—'],
          ].map(([label, value]) => (
            <div key={label}>
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="text-2xl font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
        {record.status === 'validated' && record.validRows > 0 ? (
          <form action={confirmImportAction} className="mt-6 flex flex-wrap items-center gap-3">
            <input type="hidden" name="importId" value={record.id} />
            <Button type="submit">Import {record.validRows.toLocaleString('en')} valid program{record.validRows === 1 ? '' : 's'}</Button>
            <span className="text-sm text-slate-700">{record.errorCount ? 'Rows with errors are skipped; fix them and import the file again to add them.' : 'Every row is valid.'}</span>
          </form>
        ) : null}
        {record.status === 'validated' && record.validRows === 0 ? <Alert tone="error">No row can be imported. Fix the errors below and upload the file again.</Alert> : null}
        {isRunning ? (
          <div className="mt-6">
            <p className="text-sm text-slate-800">
              Writing {record.processedRows.toLocaleString('en')} of {record.validRows.toLocaleString('en')} programs…
            </p>
            <div className="mt-2 h-3 w-full overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-label="Import progress" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
              <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
            </div>
          </div>
        ) : null}
        {record.status === 'completed' ? (
          <div className="mt-6 flex flex-col gap-3">
            <Alert tone="success" title="Import complete">
              {record.created} programs created and {record.updated} updated. Published ones appear in search within seconds.
            </Alert>
            <div>
              <LinkButton href="/provider/programs" variant="secondary">
                See your programs
              </LinkButton>
            </div>
          </div>
        ) : null}
        {record.status === 'failed' ? <Alert tone="error" title="The import failed; nothing was written">{record.message}</Alert> : null}
      </Card>

      <Card title={`Errors (${record.errorCount.toLocaleString('en')})`}>
        {record.errors.length === 0 ? (
          <EmptyState title="No errors" />
        ) : (
          <>
            <DataTable
              caption="Row errors"
              rows={record.errors.map((e, i) => ({ ...e, key: `${i}` }))}
              rowKey={(e) => e.key}
              columns={[
                { header: 'Row', cell: (e) => e.row },
                { header: 'Field', cell: (e) => <code>{e.field}</code> },
                { header: 'Problem', cell: (e) => e.message },
              ]}
            />
            {record.errorCount > record.errors.length ? <p className="mt-2 text-sm text-slate-600">Showing the first {record.errors.length} of {record.errorCount} errors.</p> : null}
          </>
        )}
      </Card>
      {record.unresolvedSkillCount > 0 ? (
        <Card title={`Skills not found in the taxonomy (${record.unresolvedSkillCount.toLocaleString('en')})`}>
          <p className="mb-3 text-sm text-slate-700">
            These rows import without these skills. Use the skill’s exact name, its ESCO URI or O*NET id, or map it afterwards with the skill picker on the program.
          </p>
          <DataTable
            caption="Unresolved skill references"
            rows={record.unresolvedSkills}
            rowKey={(s) => s.ref}
            columns={[
              { header: 'Skill as written', cell: (s) => s.ref },
              { header: 'Rows', cell: (s) => s.rows.join(', ') },
            ]}
          />
          {record.unresolvedSkillCount > record.unresolvedSkills.length ? (
            <p className="mt-2 text-sm text-slate-600">Showing {record.unresolvedSkills.length} of {record.unresolvedSkillCount}.</p>
          ) : null}
        </Card>
      ) : null}
      <Link href="/provider/imports" className="text-sm text-brand-700 underline">
        ← All imports
      </Link>
    </div>
  );
}
