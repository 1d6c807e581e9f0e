import type { ComponentProps, ReactNode } from 'react';

export type FieldShellProps = { id: string; label: string; hint?: ReactNode; errors?: string[]; children: ReactNode };

/** Label, hint and inline errors wired to the control with aria attributes. */
export function FieldShell({ id, label, hint, errors, children }: FieldShellProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

/** Inline errors under a control, referenced by its aria-describedby. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={`${id}-error`} className="text-sm text-red-700" aria-live="polite">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

export const controlClass = (hasError: boolean) =>
  `w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 ${hasError ? 'border-red-600' : 'border-slate-300'}`;

export function describedBy(id: string, hint: unknown, errors?: string[]) {
  return [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

type TextFieldProps = Omit<ComponentProps<'input'>, 'id' | 'name'> & { name: string; label: string; hint?: ReactNode; errors?: string[] };

export function TextField({ name, label, hint, errors, ...props }: TextFieldProps) {
  const id = `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <input id={id} name={name} className={controlClass(!!errors?.length)} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...props} />
    </FieldShell>
  );
}

type SelectFieldProps = Omit<ComponentProps<'select'>, 'id' | 'name'> & {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  options: ReadonlyArray<{ value: string; label: string }>;
};

export function SelectField({ name, label, hint, errors, options, ...props }: SelectFieldProps) {
  const id = `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <select id={id} name={name} className={controlClass(!!errors?.length)} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...props}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
