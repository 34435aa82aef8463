/**
 * The run report's own look, on top of the shared base. Everything wraps (pre, table cells,
 * long tokens such as host keys and ARNs), and the two-column grids use minmax(0, 1fr) so no
 * value can push a column off-screen at 1280 px.
 */
export const HTML_REPORT_STYLE = `body{margin:1rem 1.5rem;max-width:100%}
*{box-sizing:border-box}
pre,code{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:#f6f8fa;padding:.5rem .6rem;margin:.3rem 0;white-space:pre-wrap;overflow-wrap:anywhere;max-height:32rem;overflow-y:auto;border-radius:4px}
td,th{overflow-wrap:anywhere} th{white-space:nowrap} table{max-width:100%}
.passed{color:#1a7f37} .failed{color:#cf222e} .invalid{color:#bc4c00} .skipped{color:#6e7781}
.state{display:inline-block;min-width:4.6rem;text-align:center;border-radius:4px;padding:0 .35rem;font-size:.78rem;font-weight:700}
.state.passed{background:#1a7f37;color:#fff} .state.failed{background:#cf222e;color:#fff} .state.invalid{background:#bc4c00;color:#fff} .state.skipped{background:#6e7781;color:#fff}
.run{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;margin:.2rem 0 .8rem;color:#57606a}
.run b{color:#1b1f24;font-weight:600}
.toolbar{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid #d0d7de;padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
.toolbar input[type=search]{flex:1 1 18rem;min-width:12rem;padding:.3rem .5rem;font:inherit}
.toolbar select{font:inherit;max-width:16rem}
.toolbar .count{color:#57606a}
details.scenario{padding:0;overflow:hidden;scroll-margin-top:3.5rem}
details.scenario>summary{padding:.45rem .8rem;display:flex;flex-wrap:wrap;gap:.2rem .7rem;align-items:baseline;list-style-position:inside}
details.scenario>summary .name{font-weight:600;flex:1 1 30rem;min-width:0;overflow-wrap:anywhere}
details.scenario>summary .meta{color:#57606a;font-weight:400;font-size:.85rem;overflow-wrap:anywhere}
details.scenario[open]>summary{border-bottom:1px solid #d0d7de;background:#f6f8fa}
.body{padding:.4rem .8rem .8rem}
.body h4{margin:.9rem 0 .3rem;font-size:.95rem}
.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:.8rem}
.pair>div{min-width:0}
.pair h5{margin:.2rem 0;font-size:.8rem;color:#57606a;text-transform:uppercase;letter-spacing:.03em}
.expectation{border:1px solid #d0d7de;border-radius:4px;padding:.3rem .6rem;margin:.4rem 0}
.expectation.ok{border-color:#aceebb}
.expectation.miss{border-color:#ff8182;background:#fff8f8}
.expectation .field{font-weight:600}
del{background:#ffcecb;text-decoration:line-through;text-decoration-color:#cf222e80}
ins{background:#aceebb;text-decoration:none}
.diagnosis{background:#fff8c5;border:1px solid #d4a72c;border-radius:4px;padding:.3rem .6rem}
.diagnosis table{width:100%;background:#fff}
.problem{color:#cf222e;white-space:pre-wrap;overflow-wrap:anywhere}
.timeline ol{list-style:none;margin:.2rem 0;padding:0;border-left:3px solid #d0d7de}
.timeline li{display:grid;grid-template-columns:5rem 11rem minmax(0,1fr);gap:.5rem;padding:.15rem .5rem;border-bottom:1px solid #eaeef2}
.timeline .at{color:#57606a;text-align:right;font-variant-numeric:tabular-nums}
.timeline .label{font-weight:600}
.timeline .what{min-width:0;overflow-wrap:anywhere}
.timeline .kv{display:inline-block;margin-right:.6rem}
.timeline .k{color:#57606a}
.timeline li.tcp{border-left:4px solid #0969da} .timeline li.ssh{border-left:4px solid #8250df}
.timeline li.sftp{border-left:4px solid #1a7f37} .timeline li.http{border-left:4px solid #bf8700}
.timeline li.db{border-left:4px solid #0550ae} .timeline li.fault{border-left:4px solid #bc4c00}
.timeline li.result{border-left:4px solid #57606a} .timeline li.other{border-left:4px solid #d0d7de}
.timeline li.bad{background:#fff0ee} .timeline li.bad .label{color:#cf222e}
table.algos{margin:.1rem 0 .2rem} table.algos td,table.algos th{padding:.05rem .4rem}
.commands .note{color:#57606a;font-size:.85rem;margin:.1rem 0}
[hidden]{display:none!important}`;
