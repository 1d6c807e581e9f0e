'use client';

import Link from 'next/link';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { maxCompared } from './compare-limit';

const storageKey = 'credpath:compare';

function read(): string[] {
  try {
    const ids = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(ids) ? ids.filter((id) => typeof id === 'string').slice(0, maxCompared) : [];
  } catch {
    return [];
  }
}

const listeners = new Set<() => void>();
let snapshot = '[]';
function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = () => emit();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
function emit() {
  snapshot = JSON.stringify(read());
  listeners.forEach((l) => l());
}
function write(ids: string[]) {
  localStorage.setItem(storageKey, JSON.stringify(ids));
  emit();
}

function useCompared(): string[] {
  const json = useSyncExternalStore(
    subscribe,
    () => {
      const current = JSON.stringify(read());
      if (current !== snapshot) snapshot = current;
      return snapshot;
    },
    () => '[]',
  );
  return JSON.parse(json) as string[];
}

/** A checkbox on a result card: adds the program to the comparison (up to four). */
export function CompareToggle({ id, title }: { id: string; title: string }) {
  const ids = useCompared();
  const isChecked = ids.includes(id);
  const isFull = !isChecked && ids.length >= maxCompared;
  return (
    <label className={`inline-flex items-center gap-2 text-sm ${isFull ? 'text-slate-500' : 'text-slate-700'}`}>
      <input
        type="checkbox"
        checked={isChecked}
        disabled={isFull}
        onChange={() => write(isChecked ? ids.filter((x) => x !== id) : [...ids, id])}
        aria-label={`Compare ${title}`}
        className="h-4 w-4"
      />
      {isFull ? 'Compare (4 max)' : 'Compare'}
    </label>
  );
}

/** Sticky bar linking to the comparison page once two or more programs are picked. */
export function CompareTray() {
  const ids = useCompared();
  const [isMounted, setIsMounted] = useState(false);
  useEffect(() => setIsMounted(true), []);
  if (!isMounted || ids.length === 0) return null;
  return (
    <div className="no-print fixed inset-x-0 bottom-0 z-40 border-t border-slate-200 bg-white/95 shadow-lg">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <p className="text-sm text-slate-800">
          {ids.length} of {maxCompared} programs picked to compare
        </p>
        <div className="flex gap-2">
          <button type="button" onClick={() => write([])} className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
            Clear
          </button>
          {ids.length >= 2 ? (
            <Link href={`/compare?ids=${ids.join(',')}`} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
              Compare {ids.length} programs
            </Link>
          ) : (
            <span className="px-2 py-2 text-sm text-slate-600">Pick one more to compare</span>
          )}
        </div>
      </div>
    </div>
  );
}
