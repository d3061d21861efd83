// The seller dashboard's charts: each [data-chart] element carries its data as JSON; colours come from the
// theme's CSS custom properties, so the charts follow the theme (and are drawn again when it changes).
(function () {
    'use strict';
    if (typeof echarts === 'undefined') {
        return; // no charts, but every number is still in the tables next to them
    }
    const charts = [];
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

    // a colour variable holds light-dark(...): a probe element resolves it to the colour in force
    const probe = document.createElement('span');
    probe.hidden = true;
    document.body.appendChild(probe);

    function theme() {
        const css = getComputedStyle(document.documentElement);
        const v = (name, fallback) => {
            if (name === '--font') {
                return (css.getPropertyValue(name) || '').trim() || fallback;
            }
            probe.style.color = 'var(' + name + ', ' + fallback + ')';
            return getComputedStyle(probe).color || fallback;
        };
        return {
            text: v('--text', '#e7e9ee'), muted: v('--text-muted', '#9aa3b5'), border: v('--border', '#2a2f3d'),
            raised: v('--bg-raised', '#171a23'), font: v('--font', 'system-ui, sans-serif'),
            palette: [v('--accent', '#8b6dff'), v('--success', '#3ecf8e'), v('--warning', '#f5b84b'), v('--danger', '#ff6b6b'),
                '#4cc9f0', '#f72585', '#b5e48c', '#ffd6a5']
        };
    }

    // compact ("$5K") for a horizontal value axis, whose labels would otherwise run into each other on a phone
    function formatter(spec, s, compact) {
        if (s && s.money && spec.currency) {
            const money = new Intl.NumberFormat(spec.locale, Object.assign({style: 'currency', currency: spec.currency, maximumFractionDigits: 0},
                    compact ? {notation: 'compact'} : {}));
            return (value) => money.format(value);
        }
        const number = new Intl.NumberFormat(spec.locale);
        return (value) => number.format(value);
    }

    // a phone-wide chart has room for about one date label per 64 px: the others are skipped (every point stays
    // in the tooltip and in the table) and the kept ones are tilted so that they never run into each other
    function categoryLabels(element, count) {
        const width = element.clientWidth || 600;
        const narrow = width < 520;
        const room = Math.max(2, Math.floor(width / (narrow ? 64 : 80)));
        const every = Math.max(1, Math.ceil(count / room));
        element.dataset.labelEvery = String(every);
        return {interval: every - 1, rotate: narrow && count > room / 2 ? 40 : 0, hideOverlap: true, fontSize: narrow ? 11 : 12};
    }

    function option(spec, t, element) {
        const narrow = (element.clientWidth || 600) < 520;
        const base = {
            animation: !reduceMotion,
            color: t.palette,
            textStyle: {color: t.text, fontFamily: t.font},
            tooltip: {backgroundColor: t.raised, borderColor: t.border, textStyle: {color: t.text}},
            legend: {textStyle: {color: t.muted}, top: 0},
            grid: {left: 8, right: 8, top: 36, bottom: 8, containLabel: true}
        };
        const axisLine = {lineStyle: {color: t.border}};
        const axisLabel = {color: t.muted};
        const splitLine = {lineStyle: {color: t.border}};
        const values = (s) => s.values.map(Number);
        if (spec.kind === 'line') {
            return Object.assign(base, {
                tooltip: Object.assign(base.tooltip, {trigger: 'axis'}),
                xAxis: {type: 'category', data: spec.labels, axisLine,
                    axisLabel: Object.assign({}, axisLabel, categoryLabels(element, spec.labels.length))},
                yAxis: spec.series.map((s, i) => ({type: 'value', position: i === 0 ? 'left' : 'right', axisLine, splitLine: i === 0 ? splitLine : {show: false},
                    axisLabel: Object.assign({formatter: formatter(spec, s, narrow)}, axisLabel), minInterval: s.money ? 0 : 1})),
                series: spec.series.map((s, i) => ({name: s.name, type: i === 0 ? 'line' : 'bar', yAxisIndex: i, data: values(s), smooth: true,
                    showSymbol: spec.labels.length < 40, areaStyle: i === 0 ? {opacity: .15} : undefined, z: i === 0 ? 3 : 2,
                    tooltip: {valueFormatter: formatter(spec, s)}}))
            });
        }
        if (spec.kind === 'bar' || spec.kind === 'hbar') {
            const category = {type: 'category', data: spec.labels, axisLine, axisLabel: Object.assign({}, axisLabel,
                    spec.kind === 'hbar' ? {width: narrow ? 96 : 160, overflow: 'truncate'} : categoryLabels(element, spec.labels.length))};
            const value = {type: 'value', axisLine, splitLine,
                axisLabel: Object.assign({formatter: formatter(spec, spec.series[0], spec.kind === 'hbar' || narrow)}, axisLabel)};
            return Object.assign(base, {
                tooltip: Object.assign(base.tooltip, {trigger: 'axis'}),
                legend: {show: false},
                grid: Object.assign(base.grid, {top: 12}),
                xAxis: spec.kind === 'hbar' ? value : category,
                yAxis: spec.kind === 'hbar' ? Object.assign(category, {inverse: true}) : value,
                series: spec.series.map((s) => ({name: s.name, type: 'bar', data: values(s), tooltip: {valueFormatter: formatter(spec, s)}}))
            });
        }
        const pairs = spec.labels.map((label, i) => ({name: label, value: Number(spec.series[0].values[i])}));
        if (spec.kind === 'pie') {
            return Object.assign(base, {
                tooltip: Object.assign(base.tooltip, {trigger: 'item'}),
                legend: {show: false},
                series: [{name: spec.series[0].name, type: 'pie', radius: ['40%', '70%'], data: pairs,
                    label: {color: t.text}, itemStyle: {borderColor: t.raised, borderWidth: 2}}]
            });
        }
        return Object.assign(base, { // funnel
            tooltip: Object.assign(base.tooltip, {trigger: 'item'}),
            legend: {show: false},
            series: [{name: spec.series[0].name, type: 'funnel', sort: 'none', left: '10%', width: '80%', top: 8, bottom: 8, minSize: '8%',
                data: pairs, label: {color: t.text, formatter: (p) => p.name + ': ' + new Intl.NumberFormat(spec.locale).format(p.value)},
                itemStyle: {borderColor: t.raised}}]
        });
    }

    function draw() {
        const t = theme();
        charts.forEach(({chart, spec, element}) => chart.setOption(option(spec, t, element), true));
    }

    document.querySelectorAll('[data-chart]').forEach((element) => {
        const spec = JSON.parse(element.dataset.chart);
        const chart = echarts.init(element, null, {renderer: 'svg'});
        charts.push({chart, spec, element});
        element.dataset.rendered = 'true';
    });
    draw();
    // turning a phone or resizing the window: the labels are thinned again for the new width
    let pending = 0;
    const resize = () => {
        cancelAnimationFrame(pending);
        pending = requestAnimationFrame(() => {
            charts.forEach(({chart}) => chart.resize());
            draw();
        });
    };
    window.addEventListener('resize', resize);
    new MutationObserver(draw).observe(document.documentElement, {attributes: true, attributeFilter: ['data-theme', 'class']});
    // "same as my device": the device switching between light and dark
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', draw);

    // choosing dates means a period of one's own
    const period = document.getElementById('period');
    ['from', 'to'].forEach((id) => {
        const input = document.getElementById(id);
        if (input && period) {
            input.addEventListener('change', () => { period.value = 'custom'; });
        }
    });
})();
