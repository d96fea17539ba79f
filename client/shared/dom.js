// A tiny element builder: h('p', {class: 'x', onclick: f}, 'text', child).

export function h(tag, props, ...children) {
  const el = tag.includes(':') ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4)) : document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child != null && child !== false) el.append(child);
  }
  return el;
}

/** Text of server-escaped HTML (author names), decoded without creating any element. */
export function decode(html) {
  const area = document.createElement('textarea');
  area.innerHTML = html;
  return area.value;
}
