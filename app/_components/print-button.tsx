'use client';

import { Button } from './button';

/** Opens the browser's print dialog; hidden on the printed page itself. */
export function PrintButton() {
  return (
    <Button type="button" className="print:hidden" onClick={() => window.print()}>
      Print
    </Button>
  );
}
