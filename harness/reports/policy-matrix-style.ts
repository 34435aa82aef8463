/**
 * The policy matrix's look, on top of the run report's (its `.run` facts line, `.body`, wrapping
 * cells). Each verdict has a colour and a label, so it reads without colour too; AWS's message
 * keeps its line breaks and wraps anywhere, so a long negotiation error cannot widen the table.
 */
export const POLICY_MATRIX_STYLE = `section.probes{margin:.6rem 0 1rem}
section.probes>h2{font-size:1.15rem;margin:.8rem 0 .2rem}
section.probes>.note{color:#57606a;font-size:.85rem;margin:.1rem 0 .4rem}
details.probe{padding:0;overflow:hidden}
details.probe>summary{padding:.45rem .8rem;display:flex;flex-wrap:wrap;gap:.2rem .7rem;align-items:baseline;list-style-position:inside}
details.probe[open]>summary{border-bottom:1px solid #d0d7de;background:#f6f8fa}
.probe-kind{font-size:.75rem;font-weight:700;border:1px solid #57606a;border-radius:4px;padding:0 .3rem;color:#57606a}
.probe-target{font:600 13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;flex:1 1 24rem;min-width:0;overflow-wrap:anywhere}
.probe-counts{font-size:.85rem;font-weight:600}
.verdict-ok-text{color:#1a7f37} .verdict-error-text{color:#cf222e} .verdict-skipped-text{color:#57606a}
details.probe .run span{overflow-wrap:anywhere;min-width:0}
table.matrix{width:100%;margin:.3rem 0}
table.matrix caption{caption-side:top;text-align:left;color:#57606a;font-size:.85rem;padding:0 0 .3rem}
table.matrix tbody th{white-space:normal;overflow-wrap:anywhere;font-weight:600;width:19%}
table.matrix tr.verdict-ok{background:#dafbe1} table.matrix tr.verdict-error{background:#ffebe9} table.matrix tr.verdict-skipped{background:#f6f8fa}
table.matrix td.verdict{width:7.5rem;font-weight:700;font-size:.8rem;text-align:center;white-space:nowrap;color:#fff;vertical-align:middle}
table.matrix td.verdict-ok{background:#1a7f37} table.matrix td.verdict-error{background:#cf222e} table.matrix td.verdict-skipped{background:#6e7781}
table.matrix td.message{white-space:pre-wrap}
table.matrix td.provenance{width:6.5rem;color:#57606a;white-space:nowrap}
table.matrix td.negotiated{width:17rem;font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
table.matrix td.negotiated .kv{display:block}
table.matrix td.negotiated .k{color:#57606a;font-family:system-ui,sans-serif;margin-right:.3rem}`;
