package io.relais.kit.error;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMatrix;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request that carries a body to an endpoint that takes none (join, archive, mark all read, an erasure…) is refused
 * 400 naming {@code $}, before the endpoint acts. Such a body was never read, so whatever it said was silently ignored:
 * {@code POST …/archive {"archived":false,"dryRun":true}} archived the community, and a script sending
 * {@code {"dryRun":true}} to an erasure would have erased the person. A typo or a wrong guess must not change meaning
 * (docs/SECURITY.md §4, as {@code StrictRequestBodies} refuses an unknown field of a body that is read).
 *
 * <p>A body is any {@code Content-Length} above 0 or a chunked one; an empty {@code Content-Length: 0}, which HTTP
 * clients send with a bodiless POST, passes. An endpoint takes a body when one of its method's parameters is not a
 * path, query, header, cookie or matrix parameter nor a context object (the entity), or is a form or bean parameter
 * (multipart uploads), or when the method declares {@code @Consumes}.
 */
public class UnexpectedBody {

    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, Context.class, RestPath.class, RestQuery.class,
            RestHeader.class, RestCookie.class, RestMatrix.class);
    /** Packages of the objects RESTEasy Reactive injects without {@code @Context} (UriInfo, SecurityContext…). */
    private static final Set<String> CONTEXT_PACKAGES = Set.of("jakarta.ws.rs.core", "jakarta.ws.rs.container",
            "jakarta.ws.rs.sse", "org.jboss.resteasy.reactive.server", "io.vertx.core.http", "io.vertx.ext.web",
            "io.quarkus.security.identity");

    private final Map<Method, Boolean> takesBody = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnreadBody(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !carriesBody(request)) return;
        if (takesBody.computeIfAbsent(method, UnexpectedBody::takesBody)) return;
        throw ProblemException.invalid("$", "must be empty: this endpoint takes no request body");
    }

    private static boolean carriesBody(ContainerRequestContext request) {
        if (request.getLength() > 0) return true;
        String encoding = request.getHeaderString("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    static boolean takesBody(Method method) {
        if (method.isAnnotationPresent(Consumes.class)) return true;
        for (Parameter p : method.getParameters()) {
            if (p.isAnnotationPresent(FormParam.class) || p.isAnnotationPresent(BeanParam.class)
                    || p.isAnnotationPresent(org.jboss.resteasy.reactive.RestForm.class)) {
                return true;
            }
            boolean named = false;
            for (Annotation a : p.getAnnotations()) {
                if (NOT_THE_BODY.contains(a.annotationType())) named = true;
            }
            if (!named && !isContext(p.getType())) return true;
        }
        return false;
    }

    private static boolean isContext(Class<?> type) {
        return type.getPackage() != null && CONTEXT_PACKAGES.contains(type.getPackage().getName());
    }
}
