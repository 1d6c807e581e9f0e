import type { Metadata } from 'next';
import { PageHeader } from '../_components/layout-bits';

export const metadata: Metadata = { title: 'About and data sources' };

export default function AboutPage() {
  return (
    <div className="prose max-w-3xl">
      <PageHeader title="About Credpath" description="Credpath matches people to micro-credentials using open skills and labour-market data." />
      <h2 className="mt-6 text-lg font-semibold">Data sources and attributions</h2>
      <ul className="mt-3 list-disc space-y-3 pl-6 text-sm text-slate-800">
        <li>
          This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration
          (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.
        </li>
        <li>This service uses the ESCO classification of the European Commission.</li>
        <li>Regional employment and wage figures: U.S. Bureau of Labor Statistics OEWS and New York State Department of Labor (public domain).</li>
        <li>Open Badges examples: 1EdTech Open Badges specification.</li>
      </ul>
    </div>
  );
}
