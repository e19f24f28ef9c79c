// The provincial dashboard. Plain JavaScript: it reads the services through the gateway
// on this origin (the session cookie goes along, nothing else is added), keeps what it
// shows in the address's hash so that a reload or a shared link shows the same, and
// listens to report-service's figures stream to refresh what changed.
'use strict';

(() => {
	const DEFAULT_PLAN = '27-2022-22-KH-UBND';
	// The province the demo shows when nobody is signed in (the gateway has no /me yet).
	const FALLBACK_UNIT = '27';
	const LOGIN = '/oauth2/authorization/cchc';
	// Several changes in a burst are read back once.
	const REFRESH_DELAY_MS = 300;
	const RECONNECT_DELAY_MS = 5000;
	const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;

	const KINDS = {
		PROVINCE: 'Tỉnh',
		DISTRICT: 'Cấp huyện',
		COMMUNE: 'Cấp xã',
		DEPARTMENT: 'Sở, ngành',
		AGENCY: 'Cơ quan, đơn vị',
		OFFICE: 'Văn phòng, phòng',
	};

	const FORMS = {
		RADIO: 'Phát thanh',
		TELEVISION: 'Truyền hình',
		NEWSPAPER: 'Báo chí',
		PORTAL: 'Cổng, trang thông tin điện tử',
		SOCIAL_MEDIA: 'Mạng xã hội',
		PUBLIC_POSTING: 'Niêm yết công khai',
		PRINTED_MATERIAL: 'Tờ rơi, áp phích, pa nô',
		TRAINING: 'Tập huấn, bồi dưỡng',
		CONTEST: 'Cuộc thi',
		CONFERENCE: 'Hội nghị',
		DIALOGUE: 'Đối thoại',
		SOUVENIR: 'Sản phẩm lưu niệm',
		REPORTAGE: 'Phóng sự',
		OTHER: 'Hình thức khác',
	};

	const METRICS = {
		answers: 'câu trả lời',
		articles: 'tin, bài',
		awards: 'giải thưởng',
		banners: 'băng rôn, pa nô',
		broadcasts: 'lần phát sóng',
		columns: 'chuyên mục',
		contests: 'cuộc thi',
		copies: 'bản',
		dialogues: 'cuộc đối thoại',
		events: 'sự kiện',
		feedback_handled: 'phản ánh đã xử lý',
		guidance_documents: 'văn bản hướng dẫn',
		minutes: 'phút',
		online_filings: 'hồ sơ trực tuyến',
		participants: 'người tham dự',
		postings: 'lần niêm yết',
		posts: 'bài đăng',
		procedures_updated: 'thủ tục được cập nhật',
		reportages: 'phóng sự',
		sessions: 'buổi',
		souvenirs: 'sản phẩm lưu niệm',
		visits: 'lượt truy cập',
	};

	const PROBLEMS = {
		LATE: { text: 'Nộp muộn', tone: 'warn' },
		OVERDUE: { text: 'Quá hạn, chưa nộp', tone: 'bad' },
	};

	const numbers = new Intl.NumberFormat('vi-VN');
	const percents = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
	const clock = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

	const state = {
		home: null, // { unit, name, user, signedIn }
		root: null, // the top unit this dashboard shows
		plans: [],
		plan: null, // { planId, details }
		periods: [],
		period: null,
		path: [], // unit codes from the root to the unit shown
		names: new Map(),
		generation: 0,
		renderedView: null,
		charts: null,
		refreshTimer: null,
		liveEvents: 0,
	};

	const streams = new Map();

	class LoginRequired extends Error {}

	class ApiError extends Error {
		constructor(status, title, detail) {
			super(title);
			this.status = status;
			this.detail = detail;
		}
	}

	// ------------------------------------------------------------------ HTTP

	async function api(path, options = {}) {
		const response = await fetch(path, {
			credentials: 'same-origin',
			headers: { Accept: 'application/json' },
			// A login redirect must not be followed into another origin's HTML.
			redirect: 'manual',
		});
		if (response.status === 401 || response.type === 'opaqueredirect') {
			window.location.assign(LOGIN);
			throw new LoginRequired('Cần đăng nhập');
		}
		if (options.allow404 && response.status === 404) {
			return null;
		}
		if (!response.ok) {
			let problem = {};
			try {
				problem = await response.json();
			}
			catch (ignored) {
				// not a problem document: the status says enough
			}
			throw new ApiError(response.status, problem.title || `Lỗi ${response.status}`, problem.detail || '');
		}
		return response.json();
	}

	const enc = encodeURIComponent;

	// ------------------------------------------------------------------ formatting

	const count = (value) => numbers.format(value ?? 0);
	const percent = (value) => (value === null || value === undefined) ? '–' : `${percents.format(value)}%`;

	function day(iso) {
		if (!iso) {
			return '';
		}
		const [year, month, date] = iso.split('-');
		return `${date}/${month}/${year}`;
	}

	function today() {
		// Dates are Vietnam's, whatever the browser's zone.
		return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
	}

	function periodLabel(id) {
		const match = /^(\d{4})-(.+)$/.exec(id || '');
		if (!match) {
			return id || '';
		}
		const [, year, rest] = match;
		if (rest === 'Y') {
			return `Năm ${year}`;
		}
		if (rest === 'H1') {
			return `6 tháng đầu năm ${year}`;
		}
		if (rest === 'H2') {
			return `6 tháng cuối năm ${year}`;
		}
		if (rest === '9M') {
			return `9 tháng năm ${year}`;
		}
		if (rest === '9M2') {
			return `3 tháng cuối năm ${year}`;
		}
		if (rest.startsWith('Q')) {
			return `Quý ${['I', 'II', 'III', 'IV'][Number(rest.slice(1)) - 1]} năm ${year}`;
		}
		if (rest.startsWith('M')) {
			return `Tháng ${Number(rest.slice(1))}/${year}`;
		}
		return id;
	}

	function quantities(map) {
		const entries = Object.entries(map || {}).filter(([, value]) => value !== 0);
		if (entries.length === 0) {
			return '–';
		}
		return entries.map(([metric, value]) => `${count(value)} ${METRICS[metric] || metric}`).join(', ');
	}

	// ------------------------------------------------------------------ DOM helpers

	const $ = (id) => document.getElementById(id);

	function h(tag, attributes, ...children) {
		const element = document.createElement(tag);
		for (const [name, value] of Object.entries(attributes || {})) {
			if (value === null || value === undefined || value === false) {
				continue;
			}
			if (name === 'text') {
				element.textContent = value;
			}
			else if (name.startsWith('on')) {
				element.addEventListener(name.slice(2), value);
			}
			else {
				element.setAttribute(name, value === true ? '' : value);
			}
		}
		for (const child of children.flat()) {
			if (child !== null && child !== undefined && child !== false) {
				element.append(child instanceof Node ? child : document.createTextNode(String(child)));
			}
		}
		return element;
	}

	const SVG = 'http://www.w3.org/2000/svg';

	function s(tag, attributes, ...children) {
		const element = document.createElementNS(SVG, tag);
		for (const [name, value] of Object.entries(attributes || {})) {
			if (value !== null && value !== undefined) {
				element.setAttribute(name, value);
			}
		}
		for (const child of children.flat()) {
			if (child !== null && child !== undefined) {
				element.append(child instanceof Node ? child : document.createTextNode(String(child)));
			}
		}
		return element;
	}

	function setText(id, text) {
		$(id).textContent = text;
	}

	function bar(fraction, extraClass) {
		const fill = h('span');
		fill.style.width = `${Math.max(0, Math.min(1, fraction)) * 100}%`;
		return h('div', { class: extraClass ? `share ${extraClass}` : 'share', 'aria-hidden': 'true' }, fill);
	}

	// What a live update changed is compared by each element's data-key.
	function snapshot() {
		const values = new Map();
		for (const element of document.querySelectorAll('[data-key]')) {
			values.set(element.dataset.key, element.dataset.value ?? element.textContent);
		}
		return values;
	}

	function highlightChanges(before) {
		let changed = 0;
		for (const element of document.querySelectorAll('[data-key]')) {
			const previous = before.get(element.dataset.key);
			const now = element.dataset.value ?? element.textContent;
			if (previous !== undefined && previous !== now) {
				element.classList.remove('changed');
				// Restart the animation when the same figure changes twice in a row.
				void element.getBoundingClientRect();
				element.classList.add('changed');
				changed++;
			}
		}
		return changed;
	}

	// ------------------------------------------------------------------ the address

	function readHash() {
		const values = {};
		for (const part of window.location.hash.replace(/^#/, '').split('&')) {
			const at = part.indexOf('=');
			if (at <= 0) {
				continue;
			}
			try {
				values[decodeURIComponent(part.slice(0, at))] = decodeURIComponent(part.slice(at + 1));
			}
			catch (ignored) {
				// a mangled value reads as absent
			}
		}
		return values;
	}

	function hashOf(plan, period, path) {
		return `#plan=${enc(plan)}&period=${enc(period || '')}&path=${path.map(enc).join('/')}`;
	}

	const current = () => state.path[state.path.length - 1];

	function go(path) {
		window.location.hash = hashOf(state.plan.planId, state.period.id, path);
	}

	// ------------------------------------------------------------------ who, which plans

	async function unitOf(code) {
		const unit = await api(`/api/v1/units/${enc(code)}`);
		state.names.set(unit.code, unit.name);
		return unit;
	}

	const tops = new Map();

	// The topmost ancestor: the province a unit belongs to.
	function topOf(code) {
		if (!tops.has(code)) {
			tops.set(code, (async () => {
				let unit = await unitOf(code);
				for (let depth = 0; depth < 8; depth++) {
					const parent = unit.parentCodeOn || unit.parentCode;
					if (!parent) {
						break;
					}
					unit = await unitOf(parent);
				}
				return unit.code;
			})());
		}
		return tops.get(code);
	}

	async function whoAmI() {
		let me = null;
		try {
			me = await api('/api/v1/me', { allow404: true });
		}
		catch (error) {
			if (error instanceof LoginRequired) {
				throw error;
			}
		}
		const unit = me?.unit || FALLBACK_UNIT;
		const roles = me?.roles || [];
		// Reviewers and administrators read their whole province; officers their own unit
		// and below.
		const root = (roles.includes('reviewer') || roles.includes('admin')) ? await topOf(unit) : unit;
		return { unit, root, name: me?.name || me?.user || null, signedIn: me !== null };
	}

	async function plansOf(root) {
		const all = (await api('/api/v1/plans')).filter((plan) => plan.status !== 'DRAFT');
		const province = await topOf(root);
		const issuers = await Promise.all(all.map((plan) => topOf(plan.issuerCode).catch(() => null)));
		const own = all.filter((plan, index) => issuers[index] === province);
		return own.length > 0 ? own : all;
	}

	function pickPlan(wanted) {
		const ids = state.plans.map((plan) => plan.planId);
		if (wanted && ids.includes(wanted)) {
			return wanted;
		}
		if (state.plan && ids.includes(state.plan.planId)) {
			return state.plan.planId;
		}
		return ids.includes(DEFAULT_PLAN) ? DEFAULT_PLAN : ids[ids.length - 1];
	}

	async function choosePlan(planId) {
		const view = await api(`/api/v1/plans/${enc(planId)}`);
		const details = view.plan;
		const first = Number(details.from.slice(0, 4));
		const last = Number(details.to.slice(0, 4));
		const years = [];
		for (let year = first; year <= last; year++) {
			years.push(year);
		}
		const lists = await Promise.all(years.map((year) => api(`/api/v1/periods?plan=${enc(planId)}&year=${year}`)));
		const periods = lists.flat().sort((a, b) => a.cutOff.localeCompare(b.cutOff) || a.id.localeCompare(b.id));
		return { plan: { planId, details }, periods };
	}

	// The latest period already over; before the first is over, the first.
	function defaultPeriod() {
		const now = today();
		const past = state.periods.filter((period) => period.cutOff < now);
		return past.length > 0 ? past[past.length - 1] : state.periods[0];
	}

	// A reminder's link names the unit, plan and period in the query
	// (/dashboard/?unit=09190&plan=...&period=2022-H1): made once into the view's hash,
	// with the path from the top unit down on the period's tree.
	async function followLink() {
		const query = new URLSearchParams(window.location.search);
		const unit = query.get('unit');
		if (window.location.hash || !unit || !UNIT_CODE.test(unit)) {
			return;
		}
		const planId = pickPlan(query.get('plan'));
		const chosen = await choosePlan(planId);
		state.plan = chosen.plan;
		state.periods = chosen.periods;
		fillPeriods();
		const period = state.periods.find((each) => each.id === query.get('period')) || defaultPeriod();
		const path = [unit];
		for (let code = unit, depth = 0; code !== state.root && depth < 8; depth++) {
			const found = await api(`/api/v1/units/${enc(code)}?on=${period.cutOff}`, { allow404: true });
			if (!found || !found.parentCodeOn) {
				break;
			}
			state.names.set(found.code, found.name);
			code = found.parentCodeOn;
			path.unshift(code);
		}
		window.history.replaceState(null, '', window.location.pathname
				+ hashOf(planId, period.id, path[0] === state.root ? path : [state.root]));
	}

	function validPath(text) {
		const codes = (text || '').split('/').filter((code) => UNIT_CODE.test(code));
		return (codes.length > 0 && codes[0] === state.root) ? codes : [state.root];
	}

	// ------------------------------------------------------------------ showing

	async function show() {
		const generation = ++state.generation;
		document.body.dataset.state = 'loading';
		try {
			const wanted = readHash();
			const planId = pickPlan(wanted.plan);
			if (!state.plan || state.plan.planId !== planId) {
				const chosen = await choosePlan(planId);
				if (generation !== state.generation) {
					return;
				}
				state.plan = chosen.plan;
				state.periods = chosen.periods;
				fillPeriods();
			}
			state.period = state.periods.find((period) => period.id === wanted.period) || defaultPeriod();
			if (!state.period) {
				throw new ApiError(0, 'Kế hoạch chưa có kỳ báo cáo nào', '');
			}
			state.path = validPath(wanted.path);
			const canonical = hashOf(state.plan.planId, state.period.id, state.path);
			if (window.location.hash !== canonical) {
				window.history.replaceState(null, '', canonical);
			}
			$('plan-select').value = state.plan.planId;
			$('period-select').value = state.period.id;
			const data = await load();
			if (generation !== state.generation) {
				return;
			}
			render(data);
			watch();
			hideMessage();
			document.body.dataset.state = 'ready';
		}
		catch (error) {
			if (generation === state.generation) {
				fail(error);
			}
		}
	}

	async function load() {
		const unit = current();
		const plan = state.plan.planId;
		const period = state.period;
		const query = `plan=${enc(plan)}&period=${enc(period.id)}`;
		const missingNames = state.path.filter((code) => !state.names.has(code));
		const [overview, children, series, province, rates] = await Promise.all([
			api(`/api/v1/dashboard/${enc(unit)}/overview?${query}`),
			api(`/api/v1/dashboard/${enc(unit)}/children?${query}`),
			api(`/api/v1/dashboard/${enc(unit)}/series?plan=${enc(plan)}&from=${period.start}&to=${period.cutOff}&by=WEEK`),
			(unit === state.root) ? null : api(`/api/v1/dashboard/${enc(state.root)}/overview?${query}`),
			Promise.all(state.periods.map((each) => api(
					`/api/v1/reporting-rates?plan=${enc(plan)}&period=${enc(each.id)}&unit=${enc(state.root)}`))),
			Promise.all(missingNames.map((code) => unitOf(code).catch(() => null))),
		]);
		return { view: `${plan}|${period.id}|${unit}`, overview, children, series, province: province || overview, rates };
	}

	function render(data) {
		// Only a refresh of the same view highlights what changed; a new view is all new.
		const same = state.renderedView === data.view;
		const before = same ? snapshot() : null;
		const moved = state.renderedView !== null && !same;
		state.names.set(data.overview.unitCode, data.overview.name);
		for (const child of data.children.children) {
			state.names.set(child.unitCode, child.name);
		}
		renderProvince(data.province, data.rates);
		renderBreadcrumb();
		renderUnit(data.overview);
		renderChildren(data.children, data.overview);
		state.charts = { overview: data.overview, series: data.series };
		drawCharts();
		renderActivities(data.overview);
		renderTargets(data.overview);
		renderLate(data.overview);
		state.renderedView = data.view;
		const drill = $('drill');
		if (moved && drill.getBoundingClientRect().top < 0) {
			// Chosen from far down a long list: show the new unit from its top.
			drill.scrollIntoView();
		}
		const changed = before ? highlightChanges(before) : 0;
		const at = clock.format(new Date());
		setText('updated', same ? `Số liệu cập nhật lúc ${at}${changed > 0 ? ` (${changed} số liệu thay đổi)` : ''}`
			: `Số liệu lấy lúc ${at}`);
	}

	function renderProvince(overview, rates) {
		setText('province-title', `${overview.name} – toàn ${overview.kind === 'PROVINCE' ? 'tỉnh' : 'đơn vị'}`);
		setText('province-period', `${periodLabel(state.period.id)} (${day(state.period.start)} – ${day(state.period.cutOff)})`);
		setText('province-total', count(overview.total.events));
		setText('province-budget', `Kinh phí: ${count(overview.total.budgetSpentVnd)} đồng`);
		const reporting = overview.reporting;
		if (reporting) {
			setText('province-rate', percent(reporting.total.rate));
			setText('province-rate-note', `${count(reporting.total.actual)}/${count(reporting.total.expected)} báo cáo`);
			setText('province-ontime', percent(reporting.total.onTimeRate));
			setText('province-ontime-note', `${count(reporting.total.onTime)} báo cáo đúng hạn`);
			setText('province-late', count(reporting.lateOrOverdue.length));
		}
		else {
			for (const id of ['province-rate', 'province-ontime', 'province-late']) {
				setText(id, '–');
			}
			setText('province-rate-note', 'Kỳ này không yêu cầu báo cáo');
			setText('province-ontime-note', '');
		}
		const targets = overview.targets;
		setText('province-targets', `${count(targets.met)}/${count(targets.results.length)}`);
		setText('province-targets-note', targetNote(targets));

		const body = $('period-rates').tBodies[0];
		body.replaceChildren();
		state.periods.forEach((period, index) => {
			const rate = rates[index].total;
			const selected = period.id === state.period.id;
			const dues = Object.values(period.dueDates || {}).sort();
			const due = dues.length === 0 ? ''
				: (dues[0] === dues[dues.length - 1]) ? day(dues[0]) : `${day(dues[0])} – ${day(dues[dues.length - 1])}`;
			const pending = dues.length > 0 && dues[dues.length - 1] >= today();
			body.append(h('tr', { 'data-period': period.id, class: selected ? 'selected' : null },
					h('th', { scope: 'row' },
							h('a', { href: hashOf(state.plan.planId, period.id, state.path), 'aria-current': selected ? 'true' : null },
									periodLabel(period.id)),
							pending ? h('span', { class: 'unit-sub' }, 'Chưa hết hạn nộp') : null),
					h('td', { class: 'wide' }, due),
					h('td', { class: 'num' },
							h('span', { 'data-key': `period:${period.id}:actual`, text: `${count(rate.actual)}/${count(rate.expected)}` })),
					h('td', {}, rateCell(rate.rate, '', `period:${period.id}:rate`)),
					h('td', {}, rateCell(rate.onTimeRate, 'ontime', `period:${period.id}:ontime`))));
		});
	}

	function rateCell(value, tone, key) {
		return h('div', { class: 'rate-cell' }, bar((value ?? 0) / 100, tone),
				h('b', { 'data-key': key, text: percent(value) }));
	}

	function targetNote(targets) {
		const parts = [];
		if (targets.notMet > 0) {
			parts.push(`${count(targets.notMet)} chưa đạt`);
		}
		if (targets.unknown > 0) {
			parts.push(`${count(targets.unknown)} chưa xác định`);
		}
		return targets.results.length === 0 ? 'Không có chỉ tiêu áp dụng' : (parts.join(', ') || 'Đạt tất cả');
	}

	function renderBreadcrumb() {
		const nav = $('breadcrumb');
		nav.replaceChildren();
		state.path.forEach((code, index) => {
			const name = state.names.get(code) || code;
			if (index > 0) {
				nav.append(h('span', { class: 'sep', 'aria-hidden': 'true' }, '›'));
			}
			if (index === state.path.length - 1) {
				nav.append(h('span', { 'aria-current': 'page', 'data-unit': code }, name));
			}
			else {
				nav.append(h('a', { href: hashOf(state.plan.planId, state.period.id, state.path.slice(0, index + 1)),
					'data-unit': code }, name));
			}
		});
	}

	function renderUnit(overview) {
		setText('unit-name', overview.name);
		setText('unit-meta', `${KINDS[overview.kind] || overview.kind} · mã ${overview.unitCode} · ${state.plan.details.number} · `
				+ `${periodLabel(overview.period.id)}`);
		document.body.dataset.unit = overview.unitCode;
		document.body.dataset.period = overview.period.id;
		setText('unit-total-events', count(overview.total.events));
		setText('unit-budget', `${count(overview.total.budgetSpentVnd)} đ`);
		const reporting = overview.reporting;
		setText('unit-rate', reporting ? percent(reporting.total.rate) : '–');
		setText('unit-rate-note', reporting
			? `${count(reporting.total.actual)}/${count(reporting.total.expected)} báo cáo, đúng hạn ${percent(reporting.total.onTimeRate)}`
			: 'Kỳ này không yêu cầu báo cáo');
		setText('unit-targets', `${count(overview.targets.met)}/${count(overview.targets.results.length)}`);
		setText('unit-targets-note', targetNote(overview.targets));
	}

	function renderChildren(children, overview) {
		const body = $('children-table').tBodies[0];
		body.replaceChildren();
		const list = children.children;
		$('children-empty').hidden = list.length > 0;
		$('children-table').hidden = list.length === 0;
		setText('children-title', `Đơn vị trực thuộc (${count(list.length)})`);
		const late = new Map((overview.reporting?.lateOrOverdue || []).map((laggard) => [laggard.unitCode, laggard]));
		const most = Math.max(1, ...list.map((child) => child.total.events));
		for (const child of list) {
			const path = [...state.path, child.unitCode];
			const laggard = late.get(child.unitCode);
			const problem = laggard ? PROBLEMS[laggard.problem] : null;
			const row = h('tr', { 'data-unit': child.unitCode, 'data-kind': child.kind, 'data-testid': 'child-row' },
					h('td', {},
							h('a', { class: 'unit-link', href: hashOf(state.plan.planId, state.period.id, path) }, child.name),
							h('span', { class: 'unit-sub' }, `${KINDS[child.kind] || child.kind} · ${child.unitCode}`)),
					h('td', { class: 'num' },
							h('span', { 'data-key': `child:${child.unitCode}:events`, 'data-testid': 'child-events',
								text: count(child.total.events) })),
					h('td', { class: 'num wide' },
							h('span', { 'data-key': `child:${child.unitCode}:budget`, text: count(child.total.budgetSpentVnd) })),
					h('td', { class: 'wide' }, bar(child.total.events / most)),
					h('td', {}, problem ? h('span', { class: `badge ${problem.tone}` }, problem.text) : h('span', { class: 'muted' }, '–')));
			row.addEventListener('click', (event) => {
				if (!event.target.closest('a')) {
					go(path);
				}
			});
			body.append(row);
		}
	}

	function renderActivities(overview) {
		const forms = new Map(state.plan.details.activities.map((activity) => [activity.activityId, activity.form]));
		const body = $('activities-table').tBodies[0];
		body.replaceChildren();
		for (const activity of overview.activities) {
			const form = forms.get(activity.activityId);
			body.append(h('tr', { 'data-activity': activity.activityId },
					h('td', {}, h('span', { class: 'activity-title', title: activity.title },
							h('span', { class: 'activity-id' }, activity.activityId), activity.title)),
					h('td', { class: 'wide' }, FORMS[form] || form || '–'),
					h('td', { class: 'num' },
							h('span', { 'data-key': `activity:${activity.activityId}:events`, text: count(activity.figures.events) })),
					h('td', { class: 'quantities' },
							h('span', { 'data-key': `activity:${activity.activityId}:quantities`,
								text: quantities(activity.figures.quantities) }))));
		}
	}

	function renderTargets(overview) {
		const list = $('targets-list');
		list.replaceChildren();
		if (overview.targets.results.length === 0) {
			list.append(h('li', { class: 'muted' }, 'Kế hoạch không đặt chỉ tiêu áp dụng cho đơn vị này.'));
		}
		for (const target of overview.targets.results) {
			const badge = target.met === true ? h('span', { class: 'badge ok' }, 'Đạt')
				: target.met === false ? h('span', { class: 'badge bad' }, 'Chưa đạt')
					: h('span', { class: 'badge none' }, 'Chưa xác định');
			badge.dataset.key = `target:${target.targetId}`;
			list.append(h('li', { 'data-target': target.targetId }, badge,
					h('span', {}, h('strong', {}, `${target.targetId}. `), target.description),
					h('span', { class: 'detail' }, target.detail)));
		}
	}

	function renderLate(overview) {
		const table = $('late-units');
		const body = table.tBodies[0];
		body.replaceChildren();
		const reporting = overview.reporting;
		setText('late-scope', `${overview.name} và các đơn vị trực thuộc · ${periodLabel(overview.period.id)}`);
		const laggards = reporting ? reporting.lateOrOverdue : [];
		const empty = $('late-empty');
		empty.hidden = laggards.length > 0;
		table.hidden = laggards.length === 0;
		empty.textContent = reporting ? 'Không có đơn vị nào nộp chậm hoặc quá hạn.' : 'Kỳ này không yêu cầu báo cáo.';
		setText('late-title', `Đơn vị nộp chậm hoặc quá hạn (${count(laggards.length)})`);
		for (const laggard of laggards) {
			const problem = PROBLEMS[laggard.problem] || { text: laggard.problem, tone: 'bad' };
			const contacts = laggard.contacts || {};
			body.append(h('tr', { 'data-unit': laggard.unitCode, 'data-testid': 'late-unit' },
					h('td', { 'data-label': 'Đơn vị' }, h('strong', {}, laggard.name),
							h('span', { class: 'unit-sub' }, `${KINDS[laggard.kind] || laggard.kind} · ${laggard.unitCode}`)),
					h('td', { 'data-label': 'Hạn nộp' }, day(laggard.dueDate)),
					h('td', { 'data-label': 'Tình trạng' }, h('span', { class: `badge ${problem.tone}` }, problem.text),
							laggard.submittedOn ? h('span', { class: 'unit-sub' }, `nộp ngày ${day(laggard.submittedOn)}`) : null),
					h('td', { 'data-label': 'Người liên hệ' }, contacts.person || '–'),
					h('td', { 'data-label': 'Thư điện tử', class: 'contact' }, contacts.email
						? h('a', { href: `mailto:${contacts.email}`, 'data-testid': 'late-email' }, contacts.email) : '–'),
					h('td', { 'data-label': 'Điện thoại', class: 'contact' }, contacts.phone
						? h('a', { href: `tel:${contacts.phone}`, 'data-testid': 'late-phone' }, contacts.phone) : '–')));
		}
	}

	// ------------------------------------------------------------------ charts

	function drawCharts() {
		if (!state.charts) {
			return;
		}
		const { overview, series } = state.charts;
		// Events per form: the plan says each activity's form, the overview its figures.
		const forms = new Map();
		for (const activity of state.plan.details.activities) {
			if (!forms.has(activity.form)) {
				forms.set(activity.form, 0);
			}
		}
		const formOf = new Map(state.plan.details.activities.map((activity) => [activity.activityId, activity.form]));
		for (const activity of overview.activities) {
			const form = formOf.get(activity.activityId) || 'OTHER';
			forms.set(form, (forms.get(form) || 0) + activity.figures.events);
		}
		drawBars($('chart-form'), [...forms].map(([form, value]) => ({
			key: `form:${form}`, label: FORMS[form] || form, value,
		})));
		drawColumns($('chart-week'), series.buckets.map((bucket) => ({
			key: `week:${bucket.label}`,
			label: day(bucket.firstDay).slice(0, 5),
			title: `Tuần ${bucket.label.split('-W')[1]} (${day(bucket.firstDay)} – ${day(bucket.lastDay)})`,
			value: bucket.figures.events,
		})));
	}

	function truncate(text, characters) {
		return text.length <= characters ? text : `${text.slice(0, characters - 1)}…`;
	}

	// Horizontal bars: one row per item, label, bar and value.
	function drawBars(container, items) {
		const width = Math.max(260, Math.floor(container.clientWidth || 320));
		const label = Math.min(190, Math.floor(width * 0.42));
		const row = 26;
		const height = items.length * row + 4;
		const room = width - label - 56;
		const most = Math.max(1, ...items.map((item) => item.value));
		const svg = s('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
			'aria-label': items.map((item) => `${item.label}: ${count(item.value)} lượt`).join('; ') });
		items.forEach((item, index) => {
			const y = index * row + 4;
			const length = item.value > 0 ? Math.max(2, room * item.value / most) : 0;
			svg.append(s('g', {},
					s('title', {}, `${item.label}: ${count(item.value)} lượt`),
					s('text', { x: label - 8, y: y + row / 2 + 4, 'text-anchor': 'end' }, truncate(item.label, Math.floor(label / 7))),
					s('rect', { class: 'track', x: label, y: y + 4, width: room, height: row - 10, rx: 3 }),
					s('rect', { class: 'bar', x: label, y: y + 4, width: length, height: row - 10, rx: 3,
						'data-key': item.key, 'data-value': String(item.value) }),
					s('text', { x: label + length + 6, y: y + row / 2 + 4, 'data-key': `${item.key}:label` }, count(item.value))));
		});
		container.replaceChildren(svg);
	}

	function niceStep(most, ticks) {
		const raw = Math.max(1, most / ticks);
		const magnitude = 10 ** Math.floor(Math.log10(raw));
		const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw);
		return Math.max(1, step);
	}

	// Columns over time with a value axis; every label that fits.
	function drawColumns(container, points) {
		const width = Math.max(260, Math.floor(container.clientWidth || 320));
		const height = 210;
		const margin = { top: 10, right: 6, bottom: 30, left: 34 };
		const plotWidth = width - margin.left - margin.right;
		const plotHeight = height - margin.top - margin.bottom;
		const step = niceStep(Math.max(0, ...points.map((point) => point.value)), 4);
		const top = Math.max(step, Math.ceil(Math.max(0, ...points.map((point) => point.value)) / step) * step);
		const total = points.reduce((sum, point) => sum + point.value, 0);
		const svg = s('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
			'aria-label': `Lượt hoạt động theo tuần, tổng ${count(total)} lượt trong ${points.length} tuần` });
		const axis = s('g', { class: 'axis' });
		for (let value = 0; value <= top; value += step) {
			const y = margin.top + plotHeight - plotHeight * value / top;
			axis.append(s('line', { class: 'grid', x1: margin.left, x2: width - margin.right, y1: y, y2: y }),
					s('text', { x: margin.left - 6, y: y + 4, 'text-anchor': 'end' }, count(value)));
		}
		svg.append(axis);
		const slot = plotWidth / Math.max(1, points.length);
		const every = Math.max(1, Math.ceil(44 / slot));
		points.forEach((point, index) => {
			const x = margin.left + index * slot;
			const length = plotHeight * point.value / top;
			const y = margin.top + plotHeight - length;
			svg.append(s('g', {},
					s('title', {}, `${point.title}: ${count(point.value)} lượt`),
					s('rect', { class: 'bar', x: x + slot * 0.15, y, width: Math.max(1, slot * 0.7), height: length,
						'data-key': point.key, 'data-value': String(point.value) })));
			if (index % every === 0) {
				svg.append(s('text', { class: 'tick', x: x + slot / 2, y: height - margin.bottom + 16, 'text-anchor': 'middle' },
						point.label));
			}
		});
		container.replaceChildren(svg);
	}

	// ------------------------------------------------------------------ live updates

	function watch() {
		const plan = state.plan.planId;
		const wanted = new Set([current(), state.root].map((unit) => `${unit}|${plan}`));
		for (const [key, source] of streams) {
			if (!wanted.has(key)) {
				source.close();
				streams.delete(key);
			}
		}
		for (const key of wanted) {
			if (!streams.has(key)) {
				open(key);
			}
		}
		liveStatus();
	}

	function open(key) {
		const [unit, plan] = key.split('|');
		const source = new EventSource(`/api/v1/dashboard/stream?unit=${enc(unit)}&plan=${enc(plan)}`);
		source.addEventListener('figures', (event) => {
			try {
				figuresChanged(JSON.parse(event.data));
			}
			catch (ignored) {
				// an event this page cannot read changes nothing it shows
			}
		});
		source.addEventListener('open', liveStatus);
		source.addEventListener('error', () => {
			liveStatus();
			if (source.readyState === EventSource.CLOSED && streams.get(key) === source) {
				// The stream was refused (a lost session answers 401): find out which, then
				// try again.
				streams.delete(key);
				api('/api/v1/me', { allow404: true }).catch(() => null);
				window.setTimeout(() => {
					if (state.plan && !streams.has(key)) {
						watch();
					}
				}, RECONNECT_DELAY_MS);
			}
		});
		streams.set(key, source);
	}

	function liveStatus() {
		const sources = [...streams.values()];
		const wanted = state.plan ? new Set([current(), state.root]).size : 0;
		let mode = 'idle';
		if (wanted > 0 && sources.length < wanted) {
			mode = 'closed';
		}
		else if (wanted > 0) {
			mode = sources.every((source) => source.readyState === EventSource.OPEN) ? 'open' : 'connecting';
		}
		$('live-status').dataset.state = mode;
		setText('live-text', { idle: 'Chưa kết nối', open: 'Trực tiếp', connecting: 'Đang kết nối…',
			closed: 'Mất kết nối, đang thử lại' }[mode]);
	}

	function figuresChanged(update) {
		if (!state.plan || update.planId !== state.plan.planId) {
			return;
		}
		state.liveEvents++;
		document.body.dataset.liveEvents = String(state.liveEvents);
		const { start, cutOff } = state.period;
		if ((update.dates || []).some((date) => date >= start && date <= cutOff)) {
			window.clearTimeout(state.refreshTimer);
			state.refreshTimer = window.setTimeout(show, REFRESH_DELAY_MS);
		}
	}

	// ------------------------------------------------------------------ controls

	function fillPlans() {
		const select = $('plan-select');
		select.replaceChildren(...state.plans.map((plan) => h('option', { value: plan.planId },
				`${plan.number} · ${plan.title}`)));
		select.disabled = state.plans.length === 0;
	}

	function fillPeriods() {
		const select = $('period-select');
		select.replaceChildren(...state.periods.map((period) => h('option', { value: period.id }, periodLabel(period.id))));
		select.disabled = state.periods.length === 0;
	}

	function bindControls() {
		$('controls').addEventListener('submit', (event) => event.preventDefault());
		// In-page links scroll; the hash is the view's state and stays as it is.
		document.addEventListener('click', (event) => {
			const link = event.target.closest('a[data-scroll]');
			if (link) {
				event.preventDefault();
				$(link.dataset.scroll).scrollIntoView({ behavior: 'smooth' });
				$(link.dataset.scroll).focus({ preventScroll: true });
			}
		});
		$('plan-select').addEventListener('change', (event) => {
			// A new plan starts at the top, in its own default period.
			window.location.hash = hashOf(event.target.value, '', [state.root]);
		});
		$('period-select').addEventListener('change', (event) => {
			window.location.hash = hashOf(state.plan.planId, event.target.value, state.path);
		});
		window.addEventListener('hashchange', show);
		let resizeTimer = null;
		window.addEventListener('resize', () => {
			window.clearTimeout(resizeTimer);
			resizeTimer = window.setTimeout(drawCharts, 150);
		});
	}

	function renderWho() {
		const root = state.names.get(state.root) || state.root;
		setText('who', state.home.signedIn
			? `${state.home.name || ''} · ${state.names.get(state.home.unit) || state.home.unit}`
			: `Số liệu của ${root}`);
	}

	function hideMessage() {
		$('message').hidden = true;
	}

	function fail(error) {
		if (error instanceof LoginRequired) {
			return;
		}
		document.body.dataset.state = 'error';
		if (!state.renderedView) {
			setText('unit-name', 'Không tải được số liệu');
		}
		const box = $('message');
		box.replaceChildren();
		if (error instanceof ApiError) {
			box.append(h('strong', {}, error.message), error.detail ? ` ${error.detail}` : '');
			if (error.status === 403) {
				box.append(' Tài khoản không có quyền xem số liệu này.');
			}
		}
		else {
			box.append(h('strong', {}, 'Không tải được số liệu.'), ' Vui lòng kiểm tra kết nối và tải lại trang.');
		}
		if (state.root && state.path.length > 1) {
			box.append(' ', h('a', { href: hashOf(state.plan?.planId || '', state.period?.id || '', [state.root]) },
					'Về cấp cao nhất'));
		}
		box.hidden = false;
	}

	async function main() {
		bindControls();
		try {
			state.home = await whoAmI();
			state.root = state.home.root;
			await unitOf(state.root).catch(() => null);
			renderWho();
			state.plans = await plansOf(state.root);
			fillPlans();
			await followLink().catch((error) => {
				if (error instanceof LoginRequired) {
					throw error;
				}
			});
			await show();
		}
		catch (error) {
			fail(error);
		}
	}

	main();
})();
