'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

type Toast = { id: number; message: string; tone: 'success' | 'error' };
const ToastContext = createContext<(message: string, tone?: Toast['tone']) => void>(() => {});

export const useToast = () => useContext(ToastContext);

/** Short-lived notices in a polite live region, so screen readers announce them too. */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const show = useCallback((message: string, tone: Toast['tone'] = 'success') => {
    const id = nextId.current++;
    setToasts((all) => [...all, { id, message, tone }]);
    setTimeout(() => setToasts((all) => all.filter((t) => t.id !== id)), 5000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed bottom-4 right-4 z-50 flex flex-col gap-2">
        {toasts.map((t) => (
          <div key={t.id} role="status" className={`pointer-events-auto rounded-md px-4 py-3 text-sm font-medium text-white shadow-lg ${t.tone === 'success' ? 'bg-green-800' : 'bg-red-800'}`}>
            {t.message}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** Shows a toast once when a server action reports success. */
export function useActionToast(state: { status: string; message?: string }) {
  const toast = useToast();
  const shown = useRef<typeof state | null>(null);
  useEffect(() => {
    if (state.status === 'success' && state.message && shown.current !== state) {
      shown.current = state;
      toast(state.message);
    }
  }, [state, toast]);
}
