package vn.gov.cchc.system;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the local runtime once for every test class of the run that asks for it (a
 * {@link LocalRuntime} parameter of a {@code @BeforeAll} method), from an empty data
 * folder, and stops it when the run ends: bringing the whole system up costs a minute or
 * more, so the classes share one.
 */
final class LocalRuntimeExtension implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(LocalRuntimeExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == LocalRuntime.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Running.class, (key) -> Running.start(), Running.class)
			.runtime();
	}

	/** Closed by JUnit at the end of the run, which stops the runtime. */
	private record Running(LocalRuntime runtime) implements AutoCloseable {

		static Running start() {
			LocalRuntime runtime = LocalRuntime.fromSystemProperties();
			try {
				runtime.wipeData();
				runtime.up();
			}
			catch (Exception ex) {
				throw new IllegalStateException("The local runtime did not start", ex);
			}
			return new Running(runtime);
		}

		@Override
		public void close() throws Exception {
			this.runtime.down();
		}

	}

}
