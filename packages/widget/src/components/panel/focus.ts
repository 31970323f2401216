const focusableSelector =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Every focusable element under `root`, in tree order, looking into open shadow roots and slots. */
export function findFocusables(root: Element | ShadowRoot): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (node: Element) => {
    if (node instanceof HTMLElement && node.matches(focusableSelector) && node.getClientRects().length) found.push(node);
    if (node.shadowRoot) for (const child of node.shadowRoot.children) visit(child);
    const children = node instanceof HTMLSlotElement ? node.assignedElements({ flatten: true }) : node.children;
    for (const child of children) visit(child);
  };
  for (const child of root.children) visit(child);
  return found;
}

/** The element that really has focus, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether `node` is inside `container`, following slots and shadow hosts (the composed tree). */
export function isInComposedTree(container: Element, node: Element | null): boolean {
  let current: Element | null = node;
  while (current) {
    if (current === container) return true;
    current = current.assignedSlot ?? current.parentElement ?? ((current.getRootNode() as ShadowRoot).host || null);
  }
  return false;
}
