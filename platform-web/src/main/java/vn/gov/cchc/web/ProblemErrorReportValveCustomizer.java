package vn.gov.cchc.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Makes {@link ProblemErrorReportValve} the host's only error report valve. Runs after
 * Boot's customizer, which adds a plain one to the host for every context, and takes that
 * one out again; the host would add yet another at start if its valve class were not
 * named.
 */
class ProblemErrorReportValveCustomizer
		implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			if (!(context.getParent() instanceof StandardHost host)) {
				return;
			}
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			host.getPipeline().addValve(new ProblemErrorReportValve());
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
