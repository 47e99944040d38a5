// EmbedIO 3.5's standard HTML pages, which is what clients get for 400/404/405 instead of JSON
// (HttpExceptionHandler.HtmlResponse wrapped in HttpContextExtensions.SendStandardHtmlAsync).

const STATUS_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
};

/** What `Exception.Message` returns for an HttpException thrown without a message. */
export const DEFAULT_HTTP_EXCEPTION_MESSAGE = "Exception of type 'EmbedIO.HttpException' was thrown.";

function htmlEncode(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export function embedIoErrorPage(statusCode: number, message: string = DEFAULT_HTTP_EXCEPTION_MESSAGE): string {
  const description = STATUS_DESCRIPTIONS[statusCode] ?? 'Error';
  return (
    `<html><head><meta charset="utf-8"><title>${statusCode} - ${description}</title></head>` +
    `<body><h1>${statusCode} - ${description}</h1>` +
    `<p><strong>Exception type:</strong> EmbedIO.HttpException<p><strong>Message:</strong> ${htmlEncode(message)}` +
    '<hr><p>If this error is completely unexpected to you, and you think you should not seeing this page, ' +
    'please contact the server administrator, informing them of the time this error occurred and the action(s) ' +
    'you performed that resulted in this error.</p></body></html>'
  );
}

export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';
