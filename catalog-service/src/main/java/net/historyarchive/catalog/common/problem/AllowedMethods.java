package net.historyarchive.catalog.common.problem;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods a path answers to, for the Allow header of a 405 (RFC 9110 15.5.6), which the REST
 * layer's own 405 does not carry. Built once from the resource classes' {@code @Path} and HTTP
 * method annotations.
 */
@Singleton
public class AllowedMethods {

    private final List<Route> routes = new ArrayList<>();

    public AllowedMethods(BeanManager beans) {
        beans.getBeans(Object.class).stream().map(bean -> bean.getBeanClass()).distinct()
                .filter(type -> type.isAnnotationPresent(Path.class)).forEach(this::add);
    }

    /** @return e.g. "GET, HEAD, OPTIONS"; empty when no resource has this path */
    public String allow(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (route.pattern().matcher(path).matches()) {
                methods.add(route.method());
                if (route.method().equals(HttpMethod.GET)) {
                    methods.add(HttpMethod.HEAD);
                }
            }
        }
        if (!methods.isEmpty()) {
            methods.add(HttpMethod.OPTIONS);
        }
        return String.join(", ", methods);
    }

    private void add(Class<?> resource) {
        String base = resource.getAnnotation(Path.class).value();
        for (Method method : resource.getMethods()) {
            for (var annotation : method.getAnnotations()) {
                HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                if (http != null) {
                    Path sub = method.getAnnotation(Path.class);
                    routes.add(new Route(http.value(), template(base + (sub == null ? "" : "/" + sub.value()))));
                }
            }
        }
    }

    /** A JAX-RS path template as a pattern: {name} is one segment, {name: regex} the regex. */
    static Pattern template(String path) {
        String normalized = ("/" + path).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < normalized.length()) {
            int open = normalized.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(normalized.substring(i)));
                break;
            }
            regex.append(Pattern.quote(normalized.substring(i, open)));
            int close = normalized.indexOf('}', open);
            String variable = normalized.substring(open + 1, close);
            int colon = variable.indexOf(':');
            regex.append(colon < 0 ? "[^/]+" : "(?:" + variable.substring(colon + 1).trim() + ")");
            i = close + 1;
        }
        return Pattern.compile(regex + "/?");
    }

    private record Route(String method, Pattern pattern) {
    }
}
