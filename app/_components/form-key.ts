const keys = new WeakMap<object, number>();
let counter = 0;

/**
 * A React key that changes with every action result. React 19 resets a form after its
 * action and drops a <select>'s defaultValue (facebook/react#30580); remounting the form
 * with the returned values keeps what the person chose.
 */
export function formKey(state: object): number {
  if (!keys.has(state)) keys.set(state, ++counter);
  return keys.get(state)!;
}
