/** The look the run report and the calibration report share; each adds its own state colours. */
export const HTML_BASE_STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1f24}
h1{font-size:1.4rem} .totals span{margin-right:1rem}
details{border:1px solid #d0d7de;border-radius:6px;margin:.5rem 0;padding:.4rem .8rem}
table{border-collapse:collapse;margin:.4rem 0} td,th{border:1px solid #d0d7de;padding:.2rem .5rem;text-align:left;vertical-align:top}`;
