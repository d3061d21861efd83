// The workflow page's graph: nodes and connections from graph.json drawn in SVG, read-only. Drag or arrow keys pan,
// the wheel, the buttons or +/− zoom, Tab goes from node to node and a focused or hovered node tells its type and app.
(() => {
    const SVG = 'http://www.w3.org/2000/svg';
    const NODE_W = 168;
    const NODE_H = 56;
    const format = (template, ...args) => template.replace(/\{(\d)}/g, (_, i) => args[Number(i)]);
    const el = (name, attributes = {}, parent = null) => {
        const node = document.createElementNS(SVG, name);
        Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
        if (parent) {
            parent.appendChild(node);
        }
        return node;
    };
    const shorten = (text, max) => text.length > max ? text.slice(0, max - 1) + '…' : text;

    function draw(box, graph) {
        const t = box.dataset;
        box.textContent = '';
        if (!graph.nodes.length) {
            const empty = document.createElement('p');
            empty.className = 'muted graph-fallback';
            empty.textContent = t.empty;
            box.appendChild(empty);
            return;
        }
        const steps = graph.nodes.filter(n => !n.note).length;
        const minX = Math.min(...graph.nodes.map(n => n.x)) - 40;
        const minY = Math.min(...graph.nodes.map(n => n.y)) - 40;
        const maxX = Math.max(...graph.nodes.map(n => n.x)) + NODE_W + 40;
        const maxY = Math.max(...graph.nodes.map(n => n.y)) + NODE_H + 60;
        const bounds = {x: minX, y: minY, w: Math.max(maxX - minX, 200), h: Math.max(maxY - minY, 120)};

        const toolbar = document.createElement('div');
        toolbar.className = 'graph-toolbar';
        const button = (label, text, action) => {
            const b = document.createElement('button');
            b.type = 'button';
            b.className = 'button button-secondary button-small';
            b.setAttribute('aria-label', label);
            b.title = label;
            b.textContent = text;
            b.addEventListener('click', action);
            toolbar.appendChild(b);
        };
        const svg = el('svg', {class: 'graph-canvas', role: 'group', tabindex: '0', 'aria-label': format(t.label, steps),
            'aria-describedby': 'graph-help'});
        const viewport = el('g', {class: 'graph-viewport'}, svg);
        const byId = new Map(graph.nodes.map(n => [n.id, n]));
        el('defs', {}, svg).innerHTML = '<marker id="graph-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="graph-arrow"/></marker>';
        const edges = el('g', {class: 'graph-edges', 'aria-hidden': 'true'}, viewport);
        graph.edges.forEach(edge => {
            const a = byId.get(edge.from);
            const b = byId.get(edge.to);
            if (!a || !b) {
                return;
            }
            const x1 = a.x + NODE_W;
            const y1 = a.y + NODE_H / 2;
            const x2 = b.x;
            const y2 = b.y + NODE_H / 2;
            const bend = Math.max(40, Math.abs(x2 - x1) / 2);
            el('path', {d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`, class: 'graph-edge',
                'marker-end': 'url(#graph-arrow)'}, edges);
        });
        const tip = document.createElement('div');
        tip.className = 'graph-tip';
        tip.setAttribute('role', 'status');
        tip.setAttribute('aria-live', 'polite');
        tip.hidden = true;

        const show = node => {
            tip.textContent = '';
            const name = document.createElement('strong');
            name.textContent = node.name;
            const type = document.createElement('span');
            type.className = 'graph-tip-type';
            type.textContent = `${t.type}: ${node.type}`;
            const app = document.createElement('span');
            app.textContent = node.note ? t.note : `${t.app}: ${node.label}`;
            tip.append(name, type, app);
            if (node.disabled) {
                const off = document.createElement('span');
                off.textContent = t.disabled;
                tip.appendChild(off);
            }
            tip.hidden = false;
        };
        const hide = () => {
            tip.hidden = true;
        };

        const nodes = el('g', {class: 'graph-nodes'}, viewport);
        const ordered = [...graph.nodes].sort((a, b) => a.x - b.x || a.y - b.y);
        ordered.forEach(node => {
            const g = el('g', {class: 'graph-node' + (node.note ? ' graph-note' : '') + (node.disabled ? ' graph-disabled' : ''),
                transform: `translate(${node.x},${node.y})`, tabindex: '0', role: 'img', 'data-id': node.id,
                'aria-label': format(t.node, node.name, node.label, node.type)}, nodes);
            el('rect', {width: NODE_W, height: NODE_H, rx: 10, class: 'graph-node-box'}, g);
            if (node.icon && !node.note) {
                el('image', {href: node.icon, x: 10, y: 14, width: 28, height: 28}, g);
            } else {
                el('circle', {cx: 24, cy: 28, r: 14, class: 'graph-monogram'}, g);
                const initials = el('text', {x: 24, y: 33, 'text-anchor': 'middle', class: 'graph-monogram-text'}, g);
                initials.textContent = node.note ? '✎' : node.initials;
            }
            const title = el('text', {x: 46, y: 25, class: 'graph-node-name'}, g);
            title.textContent = shorten(node.name, 16);
            const kind = el('text', {x: 46, y: 43, class: 'graph-node-kind'}, g);
            kind.textContent = shorten(node.note ? t.note : node.label, 18);
            g.addEventListener('mouseenter', () => show(node));
            g.addEventListener('mouseleave', () => {
                if (document.activeElement !== g) {
                    hide();
                }
            });
            g.addEventListener('focus', () => {
                show(node);
                reveal(node);
            });
            g.addEventListener('blur', hide);
        });

        // the view: scale and offset of the viewport inside the SVG's own box
        const view = {scale: 1, x: 0, y: 0};
        const apply = () => viewport.setAttribute('transform', `translate(${view.x},${view.y}) scale(${view.scale})`);
        const size = () => ({w: svg.clientWidth || 600, h: svg.clientHeight || 360});
        // everything in view; on a first look, never so small that names cannot be read (a phone): then it starts at
        // the first steps and pans from there
        const fit = readable => {
            const {w, h} = size();
            const whole = Math.min(w / bounds.w, h / bounds.h, 1.25);
            view.scale = readable === true ? Math.max(whole, 0.7) : whole;
            const left = (w - bounds.w * view.scale) / 2;
            view.x = (left < 0 ? 8 : left) - bounds.x * view.scale;
            view.y = (h - bounds.h * view.scale) / 2 - bounds.y * view.scale;
            apply();
        };
        const zoom = (factor, cx, cy) => {
            const {w, h} = size();
            const px = cx ?? w / 2;
            const py = cy ?? h / 2;
            const next = Math.min(3, Math.max(0.15, view.scale * factor));
            view.x = px - (px - view.x) * (next / view.scale);
            view.y = py - (py - view.y) * (next / view.scale);
            view.scale = next;
            apply();
        };
        const pan = (dx, dy) => {
            view.x += dx;
            view.y += dy;
            apply();
        };
        const reveal = node => {
            const {w, h} = size();
            const left = node.x * view.scale + view.x;
            const top = node.y * view.scale + view.y;
            const right = left + NODE_W * view.scale;
            const bottom = top + NODE_H * view.scale;
            if (left < 0 || top < 0 || right > w || bottom > h) {
                view.x += w / 2 - (left + right) / 2;
                view.y += h / 2 - (top + bottom) / 2;
                apply();
            }
        };

        button(t.zoomIn, '+', () => zoom(1.25));
        button(t.zoomOut, '−', () => zoom(0.8));
        button(t.fit, '⤢', () => fit(false));

        svg.addEventListener('keydown', event => {
            const step = 40;
            const keys = {ArrowLeft: () => pan(step, 0), ArrowRight: () => pan(-step, 0), ArrowUp: () => pan(0, step),
                ArrowDown: () => pan(0, -step), '+': () => zoom(1.25), '=': () => zoom(1.25), '-': () => zoom(0.8),
                '−': () => zoom(0.8), '0': () => fit(false)};
            const action = keys[event.key];
            if (action && !event.altKey && !event.ctrlKey && !event.metaKey) {
                event.preventDefault();
                action();
            }
        });
        svg.addEventListener('wheel', event => {
            if (!event.ctrlKey && !event.metaKey && document.activeElement !== svg && !svg.contains(document.activeElement)) {
                return;
            }
            event.preventDefault();
            const r = svg.getBoundingClientRect();
            zoom(event.deltaY < 0 ? 1.1 : 0.9, event.clientX - r.left, event.clientY - r.top);
        }, {passive: false});
        let drag = null;
        svg.addEventListener('pointerdown', event => {
            drag = {x: event.clientX, y: event.clientY, id: event.pointerId};
            svg.setPointerCapture(event.pointerId);
            svg.classList.add('is-dragging');
        });
        svg.addEventListener('pointermove', event => {
            if (drag && drag.id === event.pointerId) {
                pan(event.clientX - drag.x, event.clientY - drag.y);
                drag.x = event.clientX;
                drag.y = event.clientY;
            }
        });
        const stop = () => {
            drag = null;
            svg.classList.remove('is-dragging');
        };
        svg.addEventListener('pointerup', stop);
        svg.addEventListener('pointercancel', stop);

        box.append(toolbar, svg, tip);
        fit(true);
        if (typeof ResizeObserver === 'function') {
            let width = svg.clientWidth;
            new ResizeObserver(() => {
                if (svg.clientWidth !== width) {
                    width = svg.clientWidth;
                    fit(true);
                }
            }).observe(svg);
        }
    }

    function load(box) {
        fetch(box.dataset.src, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
            .then(response => response.ok ? response.json() : Promise.reject(response.status))
            .then(graph => draw(box, graph))
            .catch(() => {
                box.textContent = '';
                const failed = document.createElement('p');
                failed.className = 'muted graph-fallback';
                failed.textContent = box.dataset.failed;
                box.appendChild(failed);
            });
    }

    // drawn when it comes near the screen (it sits below the fold): opening the page costs nothing for it
    const start = () => document.querySelectorAll('.flow-graph[data-src]').forEach((box) => {
        if (!('IntersectionObserver' in window)) {
            load(box);
            return;
        }
        const near = new IntersectionObserver((entries) => {
            if (entries.some((entry) => entry.isIntersecting)) {
                near.disconnect();
                load(box);
            }
        }, {rootMargin: '400px 0px'});
        near.observe(box);
    });
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
