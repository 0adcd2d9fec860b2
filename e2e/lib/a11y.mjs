// Probes for the widget accessibility test (e2e/specs/16): they run inside the page, on the widget
// marked `data-a11y-target`, and answer in plain data. `installWidgetProbes(page)` defines them once
// per page as `window.__widgetProbe`; `probe(page, name, argument)` calls one.
import {createRequire} from 'node:module';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The probes, defined in the page. Self-contained: Playwright sends its source, not its closure. */
function defineProbes() {
  const FOCUSABLE =
    'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable="false"])';
  const INTERACTIVE_ROLES = [
    'button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'menuitemcheckbox', 'menuitemradio',
    'option', 'slider', 'spinbutton', 'textbox', 'combobox', 'searchbox', 'gridcell', 'treeitem',
  ];
  const INTERACTIVE = `a[href], button, input:not([type="hidden"]), select, textarea, summary, label, ${INTERACTIVE_ROLES.map((role) => `[role="${role}"]`).join(', ')}`;
  const COMPOSITE = ['grid', 'treegrid', 'listbox', 'tablist', 'radiogroup', 'menu', 'menubar', 'toolbar', 'tree'].map((role) => `[role="${role}"]`).join(', ');
  const LIVE = '[role="status"], [role="alert"], [role="log"], [role="timer"], [aria-live="polite"], [aria-live="assertive"]';
  // Monaco is its own world (hidden helper textareas, its own focus handling); it is tested by its makers.
  const FOREIGN = '.monaco-editor, .monaco-aria-container';

  const target = () => document.querySelector('[data-a11y-target]');
  const rendered = (element) => element.checkVisibility({visibilityProperty: true});
  const isDisabled = (element) => element.matches(':disabled') || element.closest('[inert]') !== null;
  const tabbable = (element) => element.tabIndex >= 0 && !isDisabled(element) && rendered(element);
  const scopeOf = (element) => element.parentElement?.closest('[data-widget]') ?? document;
  const clean = (text, length = 60) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, length);

  function describe(element) {
    if (!element || element === document.body) return '<body>';
    const role = element.getAttribute('role');
    const name = element.getAttribute('aria-label') ?? (element.matches('input, select, textarea') ? element.labels?.[0]?.innerText : element.innerText);
    const classes = [...element.classList].slice(0, 2).map((name) => name.replace(/_[A-Za-z0-9-]{5}$/, '')).join('.');
    return `${element.tagName.toLowerCase()}${element.type && element.matches('input') ? `[type=${element.type}]` : ''}${role ? `[role=${role}]` : ''}${classes ? `.${classes}` : ''}${name ? ` "${clean(name, 40)}"` : ''}`;
  }

  /** The widgets directly inside `scope` (the document or a widget), not those nested deeper. */
  const widgetsIn = (scope, name) =>
    [...scope.querySelectorAll(name ? `[data-widget="${name}"]` : '[data-widget]')].filter((widget) => scopeOf(widget) === scope);

  /** Every widget of the page as a path of [name, index] from the outermost, in document order. */
  function listWidgets() {
    return [...document.querySelectorAll('[data-widget]')].map((widget) => {
      const path = [];
      for (let node = widget; node instanceof Element; node = node.parentElement?.closest('[data-widget]')) {
        path.unshift([node.dataset.widget, widgetsIn(scopeOf(node), node.dataset.widget).indexOf(node)]);
      }
      const labelledBy = widget.getAttribute('aria-labelledby');
      const label = widget.getAttribute('aria-label') ?? (labelledBy ? document.getElementById(labelledBy)?.innerText : null) ?? widget.querySelector('h2, h3, h4, [aria-label]')?.innerText;
      return {path, label: clean(label, 50)};
    });
  }

  /**
   * Marks the widget at `path` as the target, and with `data-a11y-widget="<key>"` for the axe run
   * that covers every widget; false when it is not on the page (any more).
   */
  function markTarget({path, key}) {
    for (const element of document.querySelectorAll('[data-a11y-target]')) element.removeAttribute('data-a11y-target');
    let scope = document;
    for (const [name, index] of path) {
      scope = widgetsIn(scope, name)[index];
      if (!scope) return {found: false};
    }
    scope.setAttribute('data-a11y-target', '');
    scope.setAttribute('data-a11y-widget', String(key));
    scope.scrollIntoView({block: 'center'});
    return {found: true, visible: rendered(scope)};
  }

  /**
   * Where Tab has to come from to enter the target: the number of tab stops of the page before its
   * first one (-1 when it has none), and that previous stop marked `data-a11y-before`.
   */
  function tabApproach() {
    for (const element of document.querySelectorAll('[data-a11y-before]')) element.removeAttribute('data-a11y-before');
    const root = target();
    const stops = [...document.querySelectorAll(FOCUSABLE)].filter((element) => tabbable(element) && !element.closest(FOREIGN));
    const first = stops.findIndex((element) => root.contains(element));
    stops[first - 1]?.setAttribute('data-a11y-before', '');
    return {stopsBefore: first};
  }

  function placeOf(element) {
    const root = target();
    if (!element || element === document.body) return {place: 'body', focused: '<body>'};
    if (root.contains(element)) return {place: 'inside', focused: describe(element)};
    const before = root.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING;
    return {place: before ? 'before' : 'after', focused: describe(element)};
  }

  // Where the focus went, noted as it arrives: a widget may replace the focused element at once (a
  // code cell swaps its code for the editor), and the place it reached is what Tab is judged by.
  // Registered before any other listener of the probes, so that nothing stops it hearing.
  window.addEventListener('focusin', (event) => (window.__a11yFocusArrival = placeOf(event.target)), true);

  /** Where the focus arrived last since the previous call (else where it is): in the target, before it, after it, or the body. */
  function focusPlace() {
    const arrival = window.__a11yFocusArrival;
    window.__a11yFocusArrival = null;
    return arrival ?? placeOf(document.activeElement);
  }

  function controlKind(element) {
    if (element.matches('select')) return 'select';
    if (element.matches('input[type="radio"]')) return 'radio';
    if (element.matches('input[type="checkbox"], [role="checkbox"], [role="switch"]')) return 'checkbox';
    if (element.matches('input[type="range"], [role="slider"]')) return 'range';
    if (element.matches('textarea, input:not([type]), input[type="text"], input[type="search"], input[type="number"]')) return element.readOnly ? null : 'text';
    if (element.matches('button, summary, [role="button"], [role="tab"]')) return 'button';
    if (element.matches('a[href], pre')) return null;
    return 'keys'; // a composite's tab stop or a focusable region with keys of its own: arrows
  }

  // Buttons that only copy, share or open the editor change nothing the widget shows.
  const SIDE_ACTIONS = /^(copy|share|link to|edit)\b/i;

  /** The target's controls worth one keyboard interaction, in tab order, marked `data-a11y-candidate`. */
  function candidates() {
    for (const element of document.querySelectorAll('[data-a11y-candidate]')) element.removeAttribute('data-a11y-candidate');
    const found = [];
    const root = target();
    for (const element of [root, ...root.querySelectorAll(FOCUSABLE)]) {
      if (element === root && !element.matches(FOCUSABLE)) continue;
      if (!tabbable(element) || element.closest(FOREIGN) || element.getAttribute('aria-disabled') === 'true') continue;
      if (element.matches('[data-action="share-link"]') || SIDE_ACTIONS.test(clean(element.innerText ?? ''))) continue;
      const kind = controlKind(element);
      if (!kind) continue;
      // One radio per group: the arrows move through the rest.
      if (kind === 'radio' && found.some((other) => other.kind === 'radio' && other.name === element.name)) continue;
      element.setAttribute('data-a11y-candidate', String(found.length));
      const atEnd =
        (kind === 'select' && element.selectedIndex === element.options.length - 1) ||
        (kind === 'range' && element.matches('input') && Number(element.value) >= Number(element.max || 100));
      found.push({index: found.length, kind, name: element.name ?? '', atEnd, description: describe(element)});
    }
    return found.map(({index, kind, atEnd, description}) => ({index, kind, atEnd, description}));
  }

  /** What a reader can notice: the text, the states that controls announce, and where the focus is. */
  function snapshot({markFocus = true} = {}) {
    const root = target();
    if (markFocus) {
      for (const element of document.querySelectorAll('[data-a11y-focused]')) element.removeAttribute('data-a11y-focused');
      document.activeElement?.setAttribute('data-a11y-focused', '');
    }
    const states = [...root.querySelectorAll('[aria-current], [aria-pressed], [aria-expanded], [aria-selected], [aria-checked], [aria-invalid]')]
      .map((element) => ['aria-current', 'aria-pressed', 'aria-expanded', 'aria-selected', 'aria-checked', 'aria-invalid'].map((name) => element.getAttribute(name)).join(','))
      .join('|');
    return {text: root.innerText, states};
  }

  /** Compares with a snapshot: did the output or a state change, did the focus move inside the widget? */
  function changesSince(before) {
    const root = target();
    const after = snapshot({markFocus: false});
    const active = document.activeElement;
    // The arrows move a radio group's focus with its choice: that is the control, not new content.
    const focusMoved = active !== null && active !== document.body && root.contains(active) && !active.hasAttribute('data-a11y-focused') && !active.matches('input[type="radio"]');
    return {
      textChanged: after.text !== before.text,
      statesChanged: after.states !== before.states,
      focusMoved,
      focus: describe(active),
      focusLost: !active || active === document.body,
    };
  }

  /** Resolves once the target has not changed for `quietMs`, and `minMs` have passed (at most `maxMs`). */
  function settle({quietMs = 250, minMs = 0, maxMs = 6000} = {}) {
    const root = target();
    const started = performance.now();
    return new Promise((resolve) => {
      let quiet;
      const finish = () => {
        observer.disconnect();
        clearTimeout(quiet);
        clearTimeout(limit);
        resolve();
      };
      const wait = () => {
        clearTimeout(quiet);
        quiet = setTimeout(finish, Math.max(quietMs, minMs - (performance.now() - started)));
      };
      const observer = new MutationObserver(wait);
      observer.observe(root, {subtree: true, childList: true, attributes: true, characterData: true});
      wait();
      const limit = setTimeout(finish, maxMs);
    });
  }

  const regionRole = (element) => element.getAttribute('role') ?? `aria-live=${element.getAttribute('aria-live')}`;

  /** The target's live regions, its own and those its controls point to; remembered for `announcements`. */
  function markRegions() {
    const root = target();
    const regions = new Set([...root.querySelectorAll(LIVE)]);
    for (const element of root.querySelectorAll('[aria-controls], [aria-describedby]')) {
      for (const id of `${element.getAttribute('aria-controls') ?? ''} ${element.getAttribute('aria-describedby') ?? ''}`.split(/\s+/).filter(Boolean)) {
        const referenced = document.getElementById(id);
        if (referenced && !root.contains(referenced)) {
          if (referenced.matches(LIVE)) regions.add(referenced);
          for (const inner of referenced.querySelectorAll(LIVE)) regions.add(inner);
        }
      }
    }
    const shown = [...regions].filter((region) => !region.closest(FOREIGN) && rendered(region));
    window.__a11yRegions = new Map(shown.map((region) => [region, {text: clean(region.textContent, 100000), html: region.innerHTML}]));
    return {count: shown.length, roles: [...new Set(shown.map(regionRole))]};
  }

  /** Which remembered regions changed their words (or only their subtree), and which alerts appeared. */
  function announcements() {
    const root = target();
    const changed = [];
    for (const [region, before] of window.__a11yRegions ?? []) {
      if (!region.isConnected || !rendered(region)) continue;
      const text = clean(region.textContent, 100000);
      if (text !== before.text && text !== '') changed.push({how: 'text', role: regionRole(region), text: clean(text, 80)});
      else if (region.innerHTML !== before.html) changed.push({how: 'subtree', role: regionRole(region), text: clean(text, 80)});
    }
    const inserted = [...root.querySelectorAll(LIVE)].filter((region) => !window.__a11yRegions?.has(region) && rendered(region) && clean(region.textContent) !== '');
    // A new alert is read out as it appears; a new status region mostly is not (it has to exist first).
    const insertedAlerts = inserted.filter((region) => region.matches('[role="alert"], [aria-live="assertive"]')).map((region) => ({how: 'inserted alert', role: regionRole(region), text: clean(region.textContent, 80)}));
    const insertedQuiet = inserted.filter((region) => !region.matches('[role="alert"], [aria-live="assertive"]')).map((region) => `${regionRole(region)} "${clean(region.textContent, 50)}"`);
    return {announced: [...changed, ...insertedAlerts], insertedQuiet};
  }

  /**
   * A control out of the tab order is reachable when it belongs to a roving group: a composite role,
   * or an element that handles keys, holding exactly one tab stop among its members of the same kind.
   */
  function inRovingGroup(element, root) {
    for (let group = element.parentElement; group && root.contains(group); group = group.parentElement) {
      if (!group.matches(COMPOSITE) && !reactProps(group)?.onKeyDown) continue;
      const members = [...group.querySelectorAll(`${element.tagName}[tabindex]`)].filter((member) => rendered(member) && !isDisabled(member));
      if (group.matches(COMPOSITE) ? members.some(tabbable) : members.filter(tabbable).length === 1) return true;
    }
    return false;
  }

  /**
   * A pointer shortcut (a click on a chart's mark) is fine when the element that handles it names the
   * keyboard's way to the same thing, `data-keyboard-equivalent="<selector>"` inside its widget, and that
   * way has a tab stop.
   */
  function keyboardEquivalent(element) {
    const holder = element.closest('[data-keyboard-equivalent]');
    const widget = holder?.closest('[data-widget]');
    const way = widget?.querySelector(holder.getAttribute('data-keyboard-equivalent'));
    return way && (tabbable(way) || [...way.querySelectorAll(FOCUSABLE)].some(tabbable)) ? holder.getAttribute('data-keyboard-equivalent') : null;
  }

  const isInteractive = (element) => element.matches(INTERACTIVE) || (element.matches('[tabindex]') && element.tabIndex >= 0);
  const reactProps = (element) => {
    const key = Object.keys(element).find((name) => name.startsWith('__reactProps$'));
    return key ? element[key] : null;
  };

  /**
   * Every control of the target: reachable with Tab (or a composite's one tab stop), named, and no
   * click that only a mouse can make (onclick attributes, React click handlers or a pointer cursor on
   * an element that is not a control and holds none).
   */
  function audit() {
    const root = target();
    const problems = [];
    window.axe.setup(document);
    try {
      const controls = [...root.querySelectorAll(`${INTERACTIVE}, [tabindex]`)].filter(
        (element) => !element.closest(FOREIGN) && rendered(element) && !isDisabled(element) && !element.matches('label'),
      );
      let checked = 0;
      for (const element of controls) {
        const interactiveByNature = element.matches(INTERACTIVE);
        if (!interactiveByNature && element.tabIndex < 0) continue; // a focus target for scripts, not a control
        checked++;
        if (element.tabIndex < 0 && !inRovingGroup(element, root)) problems.push(`not reachable with Tab: ${describe(element)}`);
        const needsName = interactiveByNature || element.hasAttribute('role');
        if (needsName && !element.matches('[role="presentation"], [role="none"]')) {
          const name = window.axe.commons.text.accessibleTextVirtual(window.axe.utils.getNodeFromTree(element));
          if (!clean(name)) problems.push(`no accessible name: ${describe(element)}`);
        }
      }
      for (const element of root.querySelectorAll('[onclick]')) problems.push(`onclick attribute: ${describe(element)}`);
      for (const element of root.querySelectorAll('*')) {
        if (element.closest(FOREIGN) || isInteractive(element) || element.closest(INTERACTIVE)) continue;
        // A container that holds controls may handle their clicks for them (one listener for a list).
        const holdsControl = () => [...element.querySelectorAll(`${INTERACTIVE}, [tabindex]`)].some((inner) => isInteractive(inner) || inner.closest(COMPOSITE));
        if (keyboardEquivalent(element)) continue;
        const props = reactProps(element);
        if (props && (props.onClick || props.onMouseDown || props.onPointerDown || props.onDoubleClick) && !holdsControl()) {
          problems.push(`click handler on a non-control: ${describe(element)}`);
          continue;
        }
        const cursor = getComputedStyle(element).cursor;
        // Cursors are inherited: only the element that sets the pointer is asked.
        if (cursor === 'pointer' && (!element.parentElement || getComputedStyle(element.parentElement).cursor !== 'pointer') && rendered(element) && !holdsControl()) {
          problems.push(`pointer cursor on a non-control: ${describe(element)}`);
        }
      }
      return {controls: checked, problems: [...new Set(problems)]};
    } finally {
      window.axe.teardown();
    }
  }

  /**
   * Keeps the focus on a code cell's code from opening its editor (Monaco takes seconds per cell):
   * the cell's own focus handler never hears of it. Everything else about the focus is unchanged.
   */
  function holdCodeEditors(hold) {
    window.__a11yCodeGuard ??= (event) => {
      if (event.target instanceof Element && event.target.closest('[data-widget="live-code"] pre, [data-widget="exercise"] pre')) event.stopImmediatePropagation();
    };
    if (hold) window.addEventListener('focusin', window.__a11yCodeGuard, true);
    else window.removeEventListener('focusin', window.__a11yCodeGuard, true);
  }

  /** Focuses the element that matches `selector` (one a probe marked); false when it has gone meanwhile. */
  function focusMarked(selector) {
    const element = document.querySelector(selector);
    element?.focus();
    return element !== null && document.activeElement === element;
  }

  /** Whether the target code cell is idle: its Run button there and enabled, nothing running. */
  function cellIdle() {
    const root = target();
    const run = [...root.querySelectorAll('button')].find((button) => clean(button.innerText) === 'Run');
    return Boolean(run) && !run.disabled && !/Running…/.test(root.innerText);
  }

  window.__widgetProbe = {listWidgets, markTarget, tabApproach, focusPlace, candidates, snapshot, changesSince, settle, markRegions, announcements, audit, cellIdle, holdCodeEditors, focusMarked};
}

/** Defines the probes in the page (and loads axe-core, which the audit uses for accessible names). */
export async function installWidgetProbes(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({path: axePath});
  await page.evaluate(defineProbes);
}

/** Calls probe `name` with `argument` in the page. */
export function probe(page, name, argument) {
  return page.evaluate(([probeName, probeArgument]) => window.__widgetProbe[probeName](probeArgument), [name, argument]);
}

/**
 * One axe run over every widget marked `data-a11y-widget` (faster than one per widget: axe reads the
 * whole page each time), leaving out the parts of them that match `exclude` (CSS selectors), with
 * every rule or only the ids in `rules`; the serious and critical violations of each widget, by its
 * key, each node counted for the innermost widget that holds it.
 */
export async function seriousAxeViolationsByWidget(page, {exclude = [], rules = null} = {}) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({path: axePath});
  const context = {include: [['[data-a11y-widget]']], exclude: exclude.map((selector) => [`[data-a11y-widget] ${selector}`])};
  const options = {resultTypes: ['violations'], elementRef: true, ...(rules ? {runOnly: {type: 'rule', values: rules}} : {})};
  return page.evaluate(async ([runContext, runOptions]) => {
    const result = await window.axe.run(runContext, runOptions);
    const byWidget = {};
    for (const violation of result.violations) {
      if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
      const nodes = {};
      for (const node of violation.nodes) {
        const key = node.element?.closest('[data-a11y-widget]')?.getAttribute('data-a11y-widget');
        if (key) (nodes[key] ??= []).push(node.target.join(' '));
      }
      for (const [key, targets] of Object.entries(nodes)) {
        (byWidget[key] ??= []).push({id: violation.id, impact: violation.impact, help: violation.help, targets: targets.slice(0, 3)});
      }
    }
    return byWidget;
  }, [context, options]);
}
