package org.switchboard.launcher;

import java.io.PrintStream;

/** What a newcomer needs once Switchboard answers: where it is, how to log in, a token and a first request. */
final class Banner {
    private Banner() {}

    static void print(PrintStream out, Settings settings, DatabaseConnection db, String adminPassword, String token) {
        String base = Settings.BASE_URL;
        out.printf(
                """

                Switchboard is ready.

                  API          %s
                  Console      %s/admin   (login: admin / %s)
                  Chat page    %s/chat/   (paste the token below)
                  Database     %s (%s)
                  Server log   %s

                A staff token for tenant 'demo' (user demo-user, groups user, valid 12 h; ./switchboard token mints more):

                  export TOKEN=%s

                List the models:

                  curl %s/v1/models -H "Authorization: Bearer $TOKEN"

                Stream a chat completion:

                  curl -N %s/v1/chat/completions -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"model":"sim","stream":true,"messages":[{"role":"user","content":"Hello"}]}'

                Ctrl-C here (or ./switchboard stop in another terminal) stops Payara and the database.

                """,
                base,
                base,
                adminPassword,
                base,
                db.url(),
                db.description(),
                settings.show(new PayaraServer(settings.payaraHome()).serverLog()),
                token,
                base,
                base);
        out.flush();
    }
}
