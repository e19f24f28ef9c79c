package vn.gov.cchc.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cap on request bodies, on a request stream that counts what is taken from it.
 */
class RequestBodyLimitFilterTests {

	private static final int CAP = 1024;

	private static final int BATCH_CAP = 4 * CAP;

	private static final int IMPORT_CAP = 8 * CAP;

	private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(CAP, List
		.of(new BodyLimit("/api/v1/progress:batch", BATCH_CAP), new BodyLimit("/api/v1/units:import", IMPORT_CAP)));

	@Test
	void stopsAChunkedBodyOneByteAfterTheCapWithoutReadingTheRest() throws Exception {
		CountingRequest request = new CountingRequest(10 * 1024 * 1024, -1);

		ProblemException tooLarge = readThroughFilter(request);

		assertThat(tooLarge).isNotNull();
		assertThat(tooLarge.getProblem().getStatus()).isEqualTo(413);
		assertThat(request.consumed()).isEqualTo(CAP + 1);
	}

	@Test
	void refusesADeclaredLengthOverTheCapBeforeReadingAByte() throws Exception {
		CountingRequest request = new CountingRequest(10 * 1024 * 1024, 10 * 1024 * 1024);

		ProblemException tooLarge = readThroughFilter(request);

		assertThat(tooLarge).isNotNull();
		assertThat(request.consumed()).isZero();
	}

	@Test
	void passesABodyUpToTheCapUntouched() throws Exception {
		CountingRequest request = new CountingRequest(CAP, -1);

		assertThat(readThroughFilter(request)).isNull();
		assertThat(request.consumed()).isEqualTo(CAP);
	}

	@Test
	void givesABatchItsOwnLargerCap() throws Exception {
		CountingRequest upToTheBatchCap = new CountingRequest(BATCH_CAP, -1);
		upToTheBatchCap.setRequestURI("/api/v1/progress:batch");
		assertThat(readThroughFilter(upToTheBatchCap)).isNull();
		assertThat(upToTheBatchCap.consumed()).isEqualTo(BATCH_CAP);

		CountingRequest overTheBatchCap = new CountingRequest(10 * BATCH_CAP, -1);
		overTheBatchCap.setRequestURI("/api/v1/progress:batch");
		assertThat(readThroughFilter(overTheBatchCap)).isNotNull();
		assertThat(overTheBatchCap.consumed()).isEqualTo(BATCH_CAP + 1);
	}

	@Test
	void capsARetractionLikeASingleReport() throws Exception {
		CountingRequest request = new CountingRequest(10 * CAP, -1);
		request.setRequestURI("/api/v1/progress/evt-00000001:retract");

		assertThat(readThroughFilter(request)).isNotNull();
		assertThat(request.consumed()).isEqualTo(CAP + 1);
	}

	@Test
	void capsEveryOtherBodyAtTheSingleReportCap() throws Exception {
		CountingRequest request = new CountingRequest(10 * CAP, -1);
		request.setMethod("PUT");
		request.setRequestURI("/api/v1/plans/27-2022-22-KH-UBND");

		assertThat(readThroughFilter(request)).isNotNull();
		assertThat(request.consumed()).isEqualTo(CAP + 1);
	}

	@Test
	void givesTheUnitImportItsOwnCap() throws Exception {
		CountingRequest fits = new CountingRequest(IMPORT_CAP, -1);
		fits.setRequestURI("/api/v1/units:import");
		CountingRequest tooLarge = new CountingRequest(10 * IMPORT_CAP, -1);
		tooLarge.setRequestURI("/api/v1/units:import");

		assertThat(readThroughFilter(fits)).isNull();
		assertThat(fits.consumed()).isEqualTo(IMPORT_CAP);
		assertThat(readThroughFilter(tooLarge)).isNotNull();
		assertThat(tooLarge.consumed()).isEqualTo(IMPORT_CAP + 1);
	}

	/**
	 * Runs the filter with a chain that reads the whole body, as a message converter
	 * does.
	 */
	private ProblemException readThroughFilter(HttpServletRequest request) throws Exception {
		AtomicReference<ProblemException> failure = new AtomicReference<>();
		this.filter.doFilter(request, new MockHttpServletResponse(), (filtered, response) -> {
			try (InputStream body = filtered.getInputStream()) {
				body.transferTo(OutputStream.nullOutputStream());
			}
			catch (ProblemException ex) {
				failure.set(ex);
			}
		});
		return failure.get();
	}

	/** A POST to the progress path whose body stream counts the bytes taken from it. */
	private static final class CountingRequest extends MockHttpServletRequest {

		private final AtomicLong consumed = new AtomicLong();

		private final ByteArrayInputStream body;

		private final long declaredLength;

		CountingRequest(int bodyLength, long declaredLength) {
			super("POST", "/api/v1/progress");
			this.body = new ByteArrayInputStream(new byte[bodyLength]);
			this.declaredLength = declaredLength;
		}

		long consumed() {
			return this.consumed.get();
		}

		@Override
		public long getContentLengthLong() {
			return this.declaredLength;
		}

		@Override
		public int getContentLength() {
			return (int) this.declaredLength;
		}

		@Override
		public ServletInputStream getInputStream() {
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					int next = CountingRequest.this.body.read();
					if (next >= 0) {
						CountingRequest.this.consumed.incrementAndGet();
					}
					return next;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int read = CountingRequest.this.body.read(buffer, offset, length);
					if (read > 0) {
						CountingRequest.this.consumed.addAndGet(read);
					}
					return read;
				}

				@Override
				public boolean isFinished() {
					return CountingRequest.this.body.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

	}

}
