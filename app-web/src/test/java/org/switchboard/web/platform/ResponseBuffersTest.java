package org.switchboard.web.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class ResponseBuffersTest {
    /** The shape of Payara's classes: Catalina's facade, its response, Grizzly's response and output buffer. */
    public static final class GrizzlyOutputBuffer {
        int size = 8192;

        public void setBufferSize(int size) {
            this.size = Math.max(size, 512);
        }
    }

    public static final class GrizzlyResponse {
        final GrizzlyOutputBuffer buffer = new GrizzlyOutputBuffer();

        public GrizzlyOutputBuffer getOutputBuffer() {
            return buffer;
        }
    }

    public static final class CatalinaResponse {
        final GrizzlyResponse grizzly = new GrizzlyResponse();

        public GrizzlyResponse getCoyoteResponse() {
            return grizzly;
        }
    }

    /** Catalina's {@code ResponseFacade} keeps its response in a protected field. */
    static class Facade {
        protected final CatalinaResponse response = new CatalinaResponse();
    }

    /** A subclass, as a container may hand out. */
    static final class SubFacade extends Facade {}

    private static HttpServletResponse plain() {
        return (HttpServletResponse) Proxy.newProxyInstance(
                ResponseBuffersTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> null);
    }

    @Test
    void grizzlysBufferBehindAPayaraStyleFacadeShrinks() {
        Facade response = new Facade();

        ResponseBuffers.shrinkUnwrapped(response, 512);

        assertThat(response.response.grizzly.buffer.size).isEqualTo(512);
    }

    @Test
    void theFieldIsFoundInASuperclassToo() {
        SubFacade response = new SubFacade();

        ResponseBuffers.shrinkUnwrapped(response, 600);
        ResponseBuffers.shrinkUnwrapped(new Facade(), 512); // another class: looked up again
        ResponseBuffers.shrinkUnwrapped(response, 700);

        assertThat(response.response.grizzly.buffer.size).isEqualTo(700);
    }

    @Test
    void anyOtherResponseIsLeftAsItIs() {
        HttpServletResponse other = plain();

        assertThatCode(() -> ResponseBuffers.shrink(other, 512)).doesNotThrowAnyException();
        Facade afterwards = new Facade();
        ResponseBuffers.shrinkUnwrapped(afterwards, 512);
        assertThat(afterwards.response.grizzly.buffer.size).isEqualTo(512);
    }

    @Test
    void applicationWrappersAreUnwrapped() {
        HttpServletResponse container = plain();

        assertThat(ResponseBuffers.unwrap(new HttpServletResponseWrapper(new HttpServletResponseWrapper(container))))
                .isSameAs(container);
    }
}
