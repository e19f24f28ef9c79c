package vn.gov.cchc.report.figures;

import java.util.List;

/**
 * Published inside this instance once per batch the read model wrote: every figures
 * document it changed, so that a listener can answer a whole batch with one query.
 *
 * @param changes one per changed figures document
 */
public record FiguresWritten(List<FiguresChanged> changes) {

	public FiguresWritten {
		changes = List.copyOf(changes);
	}

}
