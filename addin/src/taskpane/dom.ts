/** Small DOM helpers for the pane: no framework, just typed lookups and element builders. */
import { format } from '../i18n';

export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the pane has no #${id}`);
  return element as T;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** writes a view's texts into its elements, by element id: each view names the texts it owns in one place */
export function setTexts(texts: Record<string, string>): void {
  for (const [id, text] of Object.entries(texts)) byId(id).textContent = text;
}

/** wires a view's buttons, by element id */
export function onClicks(handlers: Record<string, () => void>): void {
  for (const [id, handler] of Object.entries(handlers)) byId(id).addEventListener('click', handler);
}

/** fills every [data-label] with its text in the pane's language */
export function applyLabels(labels: Record<string, string>): void {
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-label]'))) {
    const key = node.dataset.label as string;
    if (labels[key] !== undefined) node.textContent = labels[key];
  }
}

export function options(
  select: HTMLSelectElement,
  items: Array<{ value: string; label: string }>,
  selected?: string,
): void {
  select.replaceChildren(
    ...items.map((item) => {
      const option = element('option', { value: item.value }, item.label);
      option.selected = item.value === selected;
      return option;
    }),
  );
}

export { format };
