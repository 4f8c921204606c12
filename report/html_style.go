package report

// htmlCSS is the report's only style sheet. It uses the system font stack,
// prints on A4 or Letter (the margins suit both, no page size is forced),
// starts each major section on a new page and keeps rows, charts and
// roadmap items whole. Colour is never the only carrier of meaning: every
// coloured cell also has a text marker, so the report reads in black and
// white.
const htmlCSS = `
:root{--ink:#1c2330;--muted:#5a6472;--line:#d6dae1;--soft:#f4f6f8;--accent:#1f4e79;
--ok:#cfe8d1;--g1:#fde1a0;--g2:#f3aea6;--na:#e4e6ea;--nt:#ffffff}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#e9ecf0;color:var(--ink);
font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif}
main{max-width:1000px;margin:0 auto;background:#fff;padding:36px 48px 48px;overflow-wrap:break-word}
h1,h2,h3,h4{line-height:1.2;margin:0 0 .5em;font-weight:650}
h1{font-size:30px;margin-bottom:.3em}
h2{font-size:22px;color:var(--accent);padding-bottom:6px;border-bottom:2px solid var(--accent);margin-bottom:16px}
h3{font-size:17px;margin-top:1.4em}
h4{font-size:14px;margin-top:1.3em;color:var(--accent)}
p{margin:0 0 .7em}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.92em}
.hash{word-break:break-all}
.muted{color:var(--muted)}
.small{font-size:12px}
.pre{white-space:pre-line}
.nowrap{white-space:nowrap}
section.major{margin-top:48px}
table{border-collapse:collapse;width:100%;margin:6px 0 14px;font-size:12.5px}
th,td{text-align:left;vertical-align:top;padding:4px 7px;border-bottom:1px solid var(--line)}
td{overflow-wrap:anywhere}
thead th{background:var(--soft);border-bottom:1.5px solid #aab1bc;font-weight:600;font-size:12px}
tbody tr.sub th{background:#fafbfc;color:var(--accent);font-weight:600;padding-top:8px}
td.num,th.num{text-align:right;white-space:nowrap}
td.c{text-align:center}
.rid{font-weight:600;white-space:nowrap}
.cover{border-top:8px solid var(--accent);padding-top:28px}
.brand{font-size:12px;letter-spacing:.12em;text-transform:uppercase;color:var(--muted);margin-bottom:26px}
.cover .site{font-size:18px;color:var(--muted);margin-bottom:18px}
.cover .scope{font-size:15px;max-width:46em}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:5px 18px;margin:14px 0 18px;font-size:13px}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;min-width:0}
.proof{background:var(--soft);border-left:4px solid var(--accent);padding:10px 14px;font-size:13px;margin:16px 0}
nav.toc ol{margin:4px 0;padding-left:22px;columns:2;column-gap:32px;font-size:13px}
nav.toc li{break-inside:avoid}
.kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;margin:14px 0 20px}
.kpi{border:1px solid var(--line);border-radius:4px;padding:8px 12px}
.kpi b{display:block;font-size:22px;font-weight:650}
.kpi span{font-size:12px;color:var(--muted)}
ul.lead{padding-left:18px;margin:0 0 14px}
ul.lead li{margin-bottom:4px}
figure{margin:10px 0 16px}
figcaption{font-size:12px;color:var(--muted);margin-top:4px}
svg{display:block;max-width:100%;height:auto;-webkit-print-color-adjust:exact;print-color-adjust:exact}
svg text{font-family:inherit;fill:var(--ink)}
.hm text{font-size:12px}
.hm .hd{font-weight:650;text-anchor:middle}
.hm .grp{font-size:11px;font-weight:650;letter-spacing:.08em;text-transform:uppercase;fill:var(--muted)}
.hm .main{font-size:13px;font-weight:600;text-anchor:middle}
.hm .mark{font-size:10.5px;text-anchor:middle}
.hm .g2 .mark,.hm .g1 .mark{font-weight:700}
.hm .done{text-anchor:middle;fill:var(--muted)}
.hm a text.name{fill:var(--accent)}
.hm line{stroke:#c7ccd4;stroke-width:1}
rect.ok,.legend .ok{fill:var(--ok);background:var(--ok)}
rect.g1,.legend .g1{fill:var(--g1);background:var(--g1)}
rect.g2,.legend .g2{fill:var(--g2);background:var(--g2)}
rect.na,.legend .na{fill:var(--na);background:var(--na)}
rect.nt,.legend .nt{fill:var(--nt);background:var(--nt)}
rect.ok,rect.g1,rect.g2,rect.na,rect.nt{stroke:#9aa2ad;stroke-width:.75}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:12px;margin:6px 0 10px;padding:0;list-style:none}
.legend li{display:flex;align-items:center;gap:6px}
.legend .sw{display:inline-block;min-width:30px;height:18px;border:1px solid #9aa2ad;text-align:center;font-size:11px;font-weight:700;line-height:16px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.frnames{font-size:12px;color:var(--muted);columns:2;column-gap:28px;margin:6px 0 0;padding-left:0;list-style:none}
.target{margin-top:40px;padding-top:18px;border-top:1px solid var(--line)}
.target h3{font-size:20px;margin-top:0}
.kind{display:inline-block;font-size:11px;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);border:1px solid var(--line);border-radius:3px;padding:1px 6px;margin-right:8px;vertical-align:3px}
.twocol{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:flex-start}
.twocol>figure{flex:1 1 380px;max-width:430px;margin:4px 0 8px}
.twocol>table{flex:1 1 250px;width:auto;margin:4px 0 8px}
.bc text{font-size:11px}
.bc .ax{text-anchor:end;fill:var(--muted);font-size:10px}
.bc .fr{text-anchor:middle;font-weight:600}
.bc .val{text-anchor:middle;font-size:10px}
.bc .mark{text-anchor:middle;font-size:10.5px}
.bc .mark.g1,.bc .mark.g2{font-weight:700}
.bc .grid{stroke:#e1e4e9;stroke-width:1}
.bc .base{stroke:#6b7380;stroke-width:1}
.bc .sla{fill:#2f5d8a}
.bc .slt{fill:#fff;stroke:#3b4350;stroke-width:1.25;stroke-dasharray:3 2}
.gapcell{font-weight:700;text-align:center;-webkit-print-color-adjust:exact;print-color-adjust:exact}
td.mx{font-weight:600;overflow-wrap:normal;-webkit-print-color-adjust:exact;print-color-adjust:exact}
td.mx div{font-size:10.5px;font-weight:400;line-height:1.2}
td.mxn{overflow-wrap:normal;min-width:8em}
td.ok{background:var(--ok)}td.g1{background:var(--g1)}td.g2{background:var(--g2)}td.na{background:var(--na)}
.badge{display:inline-block;font-size:11px;font-weight:600;padding:0 6px;border-radius:3px;border:1px solid #b6bcc6;white-space:nowrap;background:#fff}
.st-no{border-color:#c0392b;color:#9b2a1f}
.st-partial{border-color:#c98a00;color:#7d5600}
.st-yes{border-color:#3c8b47;color:#2d6a36}
.st-na,.st-comp{border-color:#5b7fa6;color:#2f5377}
.st-open{color:var(--muted);border-style:dashed}
.flag{font-size:11px;font-weight:700;color:#9b2a1f;white-space:nowrap}
.sev-error{border-color:#c0392b;color:#9b2a1f}
.sev-warning{border-color:#c98a00;color:#7d5600}
.sev-info{color:var(--muted)}
.zdfig{overflow-x:auto;margin:10px 0}
.zd text.muted{fill:var(--muted)}
table.checks td{vertical-align:top}
ul.rationale{margin:4px 0 10px;padding-left:18px;font-size:12.5px}
ul.rationale.none{color:var(--muted);list-style:none;padding-left:0}
.how{font-size:11px;color:#4a5568;white-space:nowrap}
.files{font-size:12px;margin-top:2px}
.signoff{font-size:15px;border-left:4px solid #2b6cb0;padding:6px 10px;background:#f4f8fc}
.lbl{font-size:11px;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.init{border:1px solid var(--line);border-radius:4px;padding:10px 14px;margin:10px 0}
.init header{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap;margin-bottom:6px}
.init .n{font-weight:700;color:var(--muted)}
.init .t{font-weight:650;font-size:15px}
.init .score{margin-left:auto;font-size:12px;font-weight:600;border:1px solid var(--line);border-radius:3px;padding:1px 7px;white-space:nowrap}
.init .cols{display:grid;grid-template-columns:1fr 1fr;gap:6px 22px}
.init dl{display:grid;grid-template-columns:max-content 1fr;align-content:start;gap:3px 12px;margin:0;font-size:12.5px}
.init dt{color:var(--muted)}
.init dd{margin:0}
.init ul.factors{list-style:none;margin:2px 0 4px;padding:0;font-size:12px}
.init ul.factors li{display:flex;gap:8px}
.init .pts{min-width:2.6em;text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
.init .total{border-top:1px solid var(--line);margin-top:2px;padding-top:2px}
.init .what{font-size:12.5px;margin:8px 0 0;padding-top:5px;border-top:1px dashed var(--line)}
.init .phasewhy{font-size:12px;color:var(--muted);margin:4px 0 0}
.init .beside{font-size:12px;margin:0 0 4px}
.init ul.where{margin:0;padding-left:16px}
td.cf-found{font-weight:700}
td.cf-not-assessed{color:var(--muted)}
.accepted{background:var(--soft);border-left:3px solid #8a6d00;padding:4px 10px;font-size:12.5px;margin-top:8px}
.tr-done{border-color:#3c8b47;color:#2d6a36}
.tr-risk-accepted{border-color:#8a6d00;color:#6b5400}
.tr-in-progress,.tr-planned{border-color:#5b7fa6;color:#2f5377}
.tr-open{color:var(--muted);border-style:dashed}
table.answers{font-size:12px;table-layout:fixed}
table.answers td{padding:3px 6px;overflow-wrap:anywhere}
table.answers td:nth-child(2){text-align:right}
table.answers td:nth-child(4) div{white-space:pre-line}
table.answers td:nth-child(4) div:empty{display:none}
table.answers td:nth-child(5),table.answers td:nth-child(6){font-size:11.5px}
table.answers td:nth-child(5) div{color:var(--muted)}
table.answers td:nth-child(6){overflow-wrap:normal}
table.answers tr.open td{font-size:11.5px;color:var(--muted);line-height:1.6}
table.answers tr.open .rid{color:var(--ink)}
col.w-req{width:28%}col.w-sl{width:4.5%}col.w-st{width:12%}col.w-who{width:16%}col.w-at{width:12%}
.empty{color:var(--muted);font-style:italic}
footer.end{margin-top:40px;font-size:11px;color:var(--muted);border-top:1px solid var(--line);padding-top:8px}
@media (max-width:720px){main{padding:20px}.kpis{grid-template-columns:repeat(2,1fr)}.init .cols{grid-template-columns:1fr}nav.toc ol,.frnames{columns:1}}
@page{margin:15mm;@bottom-right{content:counter(page) " / " counter(pages);font-size:8pt;color:#5a6472}}
@media print{
body{background:#fff;font-size:9.5pt}
main{max-width:none;margin:0;padding:0}
section.major{margin-top:0;break-before:page}
section.cover{break-before:auto}
.target{margin-top:16pt;padding-top:12pt}
h2+.target{margin-top:0;padding-top:0;border-top:none}
h2,h3,h4{break-after:avoid}
tr,figure,.init,.kpi,.proof,.twocol,dl.facts,.target .head{break-inside:avoid}
tr.sub{break-after:avoid}
thead{display:table-header-group}
table{font-size:8.5pt}
table.answers{font-size:8pt}
a{color:inherit}
.cover{border-top-width:6px}
}
`
