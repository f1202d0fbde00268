package io.relais.profile.directory;

import io.relais.events.Login;
import io.relais.kit.error.ProblemException;
import io.relais.kit.paging.OpaqueCursor;
import io.relais.profile.ProfileConfig;
import io.relais.profile.person.Person;
import io.relais.profile.person.PersonRepository;
import io.relais.profile.person.PersonView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/** The people directory: facet intersections, paged by login with an opaque cursor (no offsets). */
@ApplicationScoped
public class Directory {

    /** The directory's cursor: the login of the last person served, in login order. */
    private static final String CURSOR_KIND = "p1";

    @Inject
    DirectoryIndex index;

    @Inject
    PersonRepository people;

    @Inject
    ProfileConfig config;

    @Schema(name = "PeoplePage", example = """
            {"items":[{"login":"dave","displayName":"Dave Leroy","title":"Data engineer","department":"Data",
              "location":"Lyon","status":"active"}],"next":"ZGF2ZQ"}""")
    public record Page(List<PersonView.Card> items, String next) {
    }

    public Page list(List<String> facets, String cursor, Integer limit) {
        int size = limit == null ? config.directory().defaultPageSize() : limit;
        if (size < 1 || size > config.directory().maxPageSize()) {
            throw ProblemException.invalid("limit", "must be between 1 and " + config.directory().maxPageSize());
        }
        TreeSet<String> members = index.members(facets);
        NavigableSet<String> rest = cursor == null || cursor.isBlank() ? members : members.tailSet(decode(cursor), false);
        List<String> logins = new ArrayList<>(size);
        for (String login : rest) {
            if (logins.size() == size) break;
            logins.add(login);
        }
        List<PersonView.Card> items = people.findAll(logins).stream()
                .sorted(Comparator.comparing((Person p) -> p.login))
                .map(PersonView.Card::of).toList();
        boolean more = !logins.isEmpty() && rest.higher(logins.get(logins.size() - 1)) != null;
        return new Page(items, more ? encode(logins.get(logins.size() - 1)) : null);
    }

    /** The cursor after {@code login} ({@link OpaqueCursor}, opaque to clients). */
    static String encode(String login) {
        return OpaqueCursor.encode(CURSOR_KIND, login);
    }

    /**
     * The login a cursor of {@link #encode} names. Only what this API issues is read back: a token
     * {@link OpaqueCursor#decode} reads, naming a login as stored ({@link Login}, lower case); anything else is a 400
     * naming {@code cursor}, as feed-service answers. Before, any decodable token was read as a position, and
     * {@code garbage} answered an empty page, not the client's mistake.
     */
    static String decode(String cursor) {
        String[] fields = OpaqueCursor.decode(cursor, CURSOR_KIND, 1);
        if (fields != null && Login.isValid(fields[0]) && fields[0].equals(Login.normalise(fields[0]))) {
            return fields[0];
        }
        throw ProblemException.invalid("cursor", "is not a cursor returned by this API (use the 'next' value as is; omit it for the first page)");
    }
}
