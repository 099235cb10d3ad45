// Same as the NHS.UK frontend page template's inline snippet, kept in a file so the page needs no inline script.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');
