package be.fedauth.demo;

/** HTML escaping for the portal's pages. */
final class Html {
    private Html() {
    }

    static String esc(Object value) {
        return be.fedauth.core.internal.html.Html.escape(String.valueOf(value));
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}.notice{background:#fff3c4;padding:.5em}"
                + ".denied{color:#a00}.permitted{color:#070}</style></head><body><nav><a href=\"/\">Home</a> · "
                + "<a href=\"/me\">My access</a> · <a href=\"/emcs\">EMCS</a> · <a href=\"/ncts\">NCTS</a> · "
                + "<a href=\"/plda\">PLDA</a> · <a href=\"/logout\">Log out</a></nav><h1>" + esc(title) + "</h1>" + body
                + "</body></html>";
    }
}
