package org.switchboard.web.platform;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives an event stream's response a small output buffer where the container allows it. The SSE frames of a run
 * are written and flushed one at a time by the publishing thread, and after every flush Payara's Grizzly
 * allocates a new buffer of the response's buffer size for the next write (a thread that is not one of Grizzly's
 * own has no buffer pool). Catalina gives every servlet response 8 KB and pushes that size into Grizzly's buffer,
 * and {@code HttpServletResponse.setBufferSize} only ever grows it: 8 KB per frame, about half of what a streamed
 * request allocated (JFR thread allocation counters, issue 17). Grizzly's own {@code OutputBuffer.setBufferSize}
 * takes a smaller size (512 bytes at least) while nothing has been written.
 *
 * <p>On Payara the servlet response is Catalina's {@code ResponseFacade}, whose Catalina response hands out the
 * Grizzly response and its output buffer; they are looked up reflectively, once. On any other container (or a
 * Payara whose classes differ) this does nothing, and says so once in the log.
 */
final class ResponseBuffers {
    private static final Logger LOG = Logger.getLogger(ResponseBuffers.class.getName());

    private static volatile Shrinker shrinker;

    private ResponseBuffers() {}

    /** Asks for an output buffer of {@code bytes}; call it before anything is written to {@code response}. */
    static void shrink(ServletResponse response, int bytes) {
        shrinkUnwrapped(unwrap(response), bytes);
    }

    /** The container's own response behind any application wrappers. */
    static ServletResponse unwrap(ServletResponse response) {
        while (response instanceof ServletResponseWrapper wrapper) {
            response = wrapper.getResponse();
        }
        return response;
    }

    static void shrinkUnwrapped(Object response, int bytes) {
        Shrinker current = shrinker;
        if (current == null || current.facade != response.getClass()) {
            current = Shrinker.of(response.getClass());
            shrinker = current;
        }
        current.apply(response, bytes);
    }

    /** The reflective path from one servlet response class to Grizzly's output buffer; {@code catalina} null: none. */
    private record Shrinker(Class<?> facade, Field catalina, Method grizzly, Method outputBuffer, Method setSize) {
        static Shrinker of(Class<?> facade) {
            try {
                Field catalina = field(facade, "response");
                catalina.setAccessible(true);
                Method grizzly = catalina.getType().getMethod("getCoyoteResponse");
                Method outputBuffer = grizzly.getReturnType().getMethod("getOutputBuffer");
                Method setSize = outputBuffer.getReturnType().getMethod("setBufferSize", int.class);
                return new Shrinker(facade, catalina, grizzly, outputBuffer, setSize);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(
                        Level.INFO,
                        "Event streams keep the container''s response buffer size ({0} has no Grizzly "
                                + "output buffer to reach: {1})",
                        new Object[] {facade.getName(), e.toString()});
                return new Shrinker(facade, null, null, null, null);
            }
        }

        void apply(Object response, int bytes) {
            if (catalina == null) {
                return;
            }
            try {
                setSize.invoke(outputBuffer.invoke(grizzly.invoke(catalina.get(response))), bytes);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                LOG.log(Level.FINE, "Could not shrink an event stream's response buffer", e);
            }
        }

        private static Field field(Class<?> type, String name) throws NoSuchFieldException {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                try {
                    return c.getDeclaredField(name);
                } catch (NoSuchFieldException e) {
                    // the next superclass may declare it
                }
            }
            throw new NoSuchFieldException(type.getName() + "." + name);
        }
    }
}
