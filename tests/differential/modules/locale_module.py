# _locale: queries and conversions under the C and C.UTF-8 locales.
import _locale, locale

print(locale.setlocale(locale.LC_ALL, "C"))
print(locale.setlocale(locale.LC_NUMERIC))
print(sorted(locale.localeconv().items()))
print(list(locale.localeconv()))
print(_locale.nl_langinfo(_locale.CODESET), _locale.nl_langinfo(_locale.RADIXCHAR))
print(_locale.nl_langinfo(_locale.DAY_1), _locale.nl_langinfo(_locale.ABMON_12), _locale.nl_langinfo(_locale.D_T_FMT))
print(locale.strcoll("a", "b"), locale.strcoll("b", "a"), locale.strcoll("a", "a"))
print(locale.strxfrm("abc"))
for bad in [lambda: locale.strcoll("a\0", "b"), lambda: _locale.nl_langinfo(12345678), lambda: locale.setlocale(locale.LC_ALL, "no_such_LOCALE")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(locale.Error is _locale.Error, locale.Error.__module__, _locale.CHAR_MAX)
print(locale.setlocale(locale.LC_CTYPE, "C.UTF-8"), locale.getencoding())
print(locale.format_string("%.2f", 1234.5, grouping=True))
print(_locale.gettext("hello"), _locale.dgettext(None, "x"), _locale.textdomain(None))
