import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/session';
import { csvColumns } from '@/lib/imports/csv-columns';
import { listImports } from '@/lib/imports/program-import';
import { Badge, Card, EmptyState, PageHeader } from '../../../_components/layout-bits';
import { DataTable } from '../../../_components/table';
import { importStatusTone } from './status-tone';
import { UploadForm } from './upload-form';

export const metadata: Metadata = { title: 'Import programs' };


export default async function ImportsPage() {
  const actor = await requirePageActor('programs:manage', '/provider/imports');
  const imports = await listImports(actor);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Import programs" description="Upload your catalogue. We check every row first and show what would change; re-importing the same external ids updates programs instead of duplicating them." />
      <Card title="Upload a file">
        <UploadForm />
        <p className="mt-4 text-sm text-slate-700">
          <a href="/api/v1/imports/template" className="text-brand-700 underline">
            Download the CSV template
          </a>{' '}
          ·{' '}
          <a href="/api/v1/programs/schema.json" className="text-brand-700 underline">
            JSON Schema of a program
          </a>{' '}
          ·{' '}
          <Link href="/docs/api" className="text-brand-700 underline">
            API and CLI
          </Link>
        </p>
      </Card>
      <Card title="Recent imports">
        {imports.length === 0 ? (
          <EmptyState title="No imports yet" />
        ) : (
          <DataTable
            caption="Recent imports"
            rows={imports}
            rowKey={(i) => i.id}
            columns={[
              { header: 'File', cell: (i) => <Link href={`/provider/imports/${i.id}`} className="text-brand-700 underline">{i.filename}</Link> },
              { header: 'Format', cell: (i) => i.format.toUpperCase() },
              { header: 'Rows', cell: (i) => `${i.validRows} valid of ${i.totalRows}` },
              { header: 'Errors', cell: (i) => i.errorCount },
              { header: 'Status', cell: (i) => <Badge tone={importStatusTone[i.status]}>{i.status}</Badge> },
              { header: 'When', cell: (i) => i.createdAt.toISOString().slice(0, 16).replace('T', ' ') },
            ]}
          />
        )}
      </Card>
      <Card title="CSV columns">
        <p className="mb-3 text-sm text-slate-700">Lists are separated by “|”. Required columns are marked.</p>
        <DataTable
          caption="CSV columns"
          rows={[...csvColumns]}
          rowKey={(c) => c.column}
          columns={[
            { header: 'Column', cell: (c) => <code>{c.column}</code> },
            { header: 'Required', cell: (c) => (c.isRequired ? 'yes' : '') },
            { header: 'Meaning', cell: (c) => c.note },
            { header: 'Example', cell: (c) => <code className="text-xs">{c.example}</code> },
          ]}
        />
      </Card>
    </div>
  );
}
