import { css } from 'lit';

export const appStyles = css`
  :host {
    display: block;
    max-width: 1100px;
    margin: 0 auto;
    padding: 1rem 1.25rem 4rem;
    font: 16px/1.5 system-ui, 'Segoe UI', Roboto, sans-serif;
    color: #1f2328;
  }
  h1 { font-size: 1.75rem; margin: 0.5rem 0; }
  h2 { font-size: 1.375rem; margin: 2.5rem 0 0.75rem; border-top: 1px solid #d0d7de; padding-top: 1rem; }
  h3 { font-size: 1.125rem; margin: 1.5rem 0 0.5rem; }
  a { color: #0b5394; }
  button, input, select { font: inherit; }
  button, .pick {
    min-height: 44px; padding: 0 1rem; border-radius: 6px; border: 1px solid #0b5394;
    background: #fff; color: #0b5394; cursor: pointer; display: inline-flex; align-items: center;
  }
  button.primary, .pick { background: #0b5394; color: #fff; }
  button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible, .pick:focus-within, summary:focus-visible, [tabindex]:focus-visible {
    outline: 3px solid #b35900; outline-offset: 2px;
  }
  .drop { border: 2px dashed #57606a; border-radius: 8px; padding: 1.5rem; text-align: center; margin: 1rem 0; }
  .drop.over { background: #eef5fc; border-color: #0b5394; }
  .pick input { position: absolute; opacity: 0; width: 1px; height: 1px; }
  .privacy { background: #f6f8fa; border-left: 4px solid #0b5394; padding: 0.75rem 1rem; }
  progress { width: 100%; height: 1rem; }
  table { border-collapse: collapse; margin: 0.5rem 0 1rem; width: 100%; }
  caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
  th, td { border-bottom: 1px solid #d0d7de; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
  tfoot td, tfoot th { font-weight: 700; }
  .note { color: #57606a; font-size: 0.9375rem; }
  .problems li { color: #8b1a1a; }
  nav ul { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; list-style: none; padding: 0; }
  .row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; }
  .row label { display: flex; flex-direction: column; gap: 0.25rem; }
  .row input, .row select { min-height: 40px; padding: 0 0.5rem; border: 1px solid #57606a; border-radius: 4px; }
  figure { margin: 0.5rem 0; overflow-x: auto; }
  .good { color: #005ab5; } .acceptable { color: #8a5800; } .poor { color: #b0164f; }
  scenario-map { height: 520px; border: 1px solid #d0d7de; }
  details { margin: 0.25rem 0; }
  summary { cursor: pointer; min-height: 32px; }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  @media print {
    .drop, .controls, nav, button, .pick, scenario-map, .files, progress, [role='status'], #min-help { display: none !important; }
    h2 { break-before: page; }
    :host { max-width: none; padding: 0; }
  }
`;
