// One readable sentence for a failed request, and the field it is about.

// The catalogue's sentence for each refusal code the server sends (X-Parley-Error); others keep the server's words.
const sentences = {
  'text-too-short': 'error-text-short', 'text-too-long': 'error-too-long', 'email-too-long': 'error-too-long',
  'website-too-long': 'error-too-long', 'website-invalid': 'error-website-invalid', 'email-required': 'error-required',
  'author-required': 'error-required', 'rate-limited': 'error-rate-limited', refused: 'error-refused',
};

export function describeError(t, error) {
  const status = error?.status ?? 0;
  if (status === 0) return t(error?.notAllowed ? 'error-not-allowed' : 'error-network');
  if (sentences[error.code]) return t(sentences[error.code]);
  // 503 is the server saying why it cannot take the comment now (a full disk): its words help more than the number.
  if (status === 503 && error.message && error.message !== String(status)) return t('error-rejected', null, { reason: error.message });
  if (status >= 500) return t('error-server', null, { n: status });
  return t('error-rejected', null, { reason: error.message || status });
}

/** The post box field a refusal is about: its code's first word when that names one (`text`, `author`, `email`, `website`). */
export function fieldOf(error) {
  return /^(text|author|email|website)-/.exec(error?.code)?.[1] ?? null;
}
