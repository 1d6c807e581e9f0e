import type { ComponentProps, ReactNode } from 'react';
import { FieldErrors, FieldShell, controlClass, describedBy } from './field';

/*
 * Controls the shared field components do not offer yet (textarea, checkbox, select with
 * option groups). Same markup as app/_components/field.tsx: `field-{name}` ids, hint and
 * error ids wired through aria-describedby, so the error summary can link to any of them.
 */

type TextAreaFieldProps = Omit<ComponentProps<'textarea'>, 'id' | 'name'> & { name: string; label: string; hint?: ReactNode; errors?: string[] };

export function TextAreaField({ name, label, hint, errors, rows = 4, ...props }: TextAreaFieldProps) {
  const id = `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={controlClass(!!errors?.length)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        {...props}
      />
    </FieldShell>
  );
}

export type OptionGroup = { label: string; options: ReadonlyArray<{ value: string; label: string }> };

type GroupedSelectFieldProps = Omit<ComponentProps<'select'>, 'id' | 'name'> & {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  /** The first option, for "not given" (value ''). */
  emptyLabel?: string;
  options?: ReadonlyArray<{ value: string; label: string }>;
  groups?: ReadonlyArray<OptionGroup>;
};

export function GroupedSelectField({ name, label, hint, errors, emptyLabel, options = [], groups = [], ...props }: GroupedSelectFieldProps) {
  const id = `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <select id={id} name={name} className={controlClass(!!errors?.length)} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...props}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldShell>
  );
}

type CheckboxFieldProps = { name: string; label: string; hint?: ReactNode; errors?: string[]; defaultChecked?: boolean };

/** A yes/no field that always sends a value: "false" from the hidden input, "on" when ticked (the later value wins). */
export function CheckboxField({ name, label, hint, errors, defaultChecked }: CheckboxFieldProps) {
  const id = `field-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-start gap-2">
        <input type="hidden" name={name} value="false" />
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          className={`mt-0.5 h-4 w-4 rounded border ${errors?.length ? 'border-red-600' : 'border-slate-400'}`}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(id, hint, errors)}
        />
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="pl-6 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="pl-6">
        <FieldErrors id={id} errors={errors} />
      </div>
    </div>
  );
}

/** A titled group of fields: a real fieldset and legend, styled like a Card. */
export function FormSection({ legend, description, children }: { legend: string; description?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <legend className="float-left mb-1 w-full text-lg font-semibold text-slate-900">{legend}</legend>
      {description ? <p className="clear-both mb-4 text-sm text-slate-700">{description}</p> : <div className="clear-both mb-3" />}
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}
