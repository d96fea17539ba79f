// Remembers author, e-mail and website between visits; memory only where localStorage is blocked.
const memory = {};

export function remember(key, value) {
  const json = JSON.stringify(value ?? null);
  try {
    localStorage.setItem(`isso-${key}`, json);
  } catch {
    memory[key] = json;
  }
}

export function recall(key) {
  let json = memory[key];
  try {
    json = localStorage.getItem(`isso-${key}`) ?? json;
  } catch {
    // Storage disabled: the in-memory copy is all there is.
  }
  try {
    return json == null ? null : JSON.parse(json);
  } catch {
    return null;
  }
}
