import { chromium } from '@playwright/test';
const [,, src, x, y, w, h, out] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.setContent(`<body style="margin:0;overflow:hidden"><img src="data:image/png;base64,${(await import('node:fs')).readFileSync(src).toString('base64')}" style="position:absolute;left:-${x}px;top:-${y}px"></body>`);
await p.screenshot({ path: out });
await b.close();
