// One readable sentence for a failed request.

export function describeError(t, error) {
  const status = error?.status ?? 0;
  if (status === 0) return t(error?.notAllowed ? 'error-not-allowed' : 'error-network');
  if (status >= 500) return t('error-server', null, { n: status });
  return t('error-rejected', null, { reason: error.message || status });
}
