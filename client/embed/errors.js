// One readable sentence for a failed request.

export function describeError(t, error) {
  const status = error?.status ?? 0;
  if (status === 0) return t(error?.notAllowed ? 'error-not-allowed' : 'error-network');
  // 503 is the server saying why it cannot take the comment now (a full disk): its words help more than the number.
  if (status === 503 && error.message && error.message !== String(status)) return t('error-rejected', null, { reason: error.message });
  if (status >= 500) return t('error-server', null, { n: status });
  return t('error-rejected', null, { reason: error.message || status });
}
