package io.relais.feed.community;

import io.relais.feed.sanitize.InputLimits;
import io.relais.kit.error.ProblemException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Refuses (413, naming field {@code $}: the whole body) a member import whose declared length is above
 * {@code feed.limits.member-import-bytes}, before its JSON is parsed into thousands of strings. The service-wide
 * {@code max-body-size} (sized for attachments) still bounds a body sent without a length.
 */
@Provider
@MemberImportBodyLimit.Bounded
public class MemberImportBodyLimit implements ContainerRequestFilter {

    /** Marks the resource methods this filter guards. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Bounded {
    }

    /** Looked up per request: filters are created while the application starts, before config mappings exist. */
    @Inject
    Instance<InputLimits> limits;

    @Override
    public void filter(ContainerRequestContext request) {
        long length = request.getLength();
        long max = limits.get().memberImportBytes();
        if (length > max) {
            // "$": the whole body is what is too large (the field JSON body refusals name, service-kit JsonProblems)
            throw ProblemException.tooLarge("$", "the body is " + length + " bytes; a member import takes at most " + max
                    + " (send the list in several calls)");
        }
    }
}
