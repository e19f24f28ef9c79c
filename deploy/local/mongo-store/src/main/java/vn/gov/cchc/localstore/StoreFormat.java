package vn.gov.cchc.localstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which way a store file keeps its maps. Files written before typed maps
 * ({@link TypedH2Database}) hold Java-serialized documents and keys, which the typed maps
 * cannot read: such a file is copied once into the typed layout and kept beside it, so
 * that a developer's data survives the upgrade.
 */
final class StoreFormat {

	private static final Logger logger = LoggerFactory.getLogger(StoreFormat.class);

	/** The map that names the layout of the file. */
	static final String MARKER = "cchc.local-store";

	private static final String LAYOUT = "layout";

	private static final String TYPED = "typed-bson";

	private StoreFormat() {
	}

	/**
	 * Opens the file in the typed layout, copying an older file into it first.
	 * @param file the MVStore file, created when missing
	 * @param cacheMegabytes the page cache: a query the store answers by reading a whole
	 * collection (it has no secondary indexes) decodes every page the cache does not hold
	 * @return the open store, marked as typed
	 */
	static MVStore open(Path file, int cacheMegabytes) {
		MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes).open();
		boolean typed = store.hasMap(MARKER) && TYPED.equals(store.<String, String>openMap(MARKER).get(LAYOUT));
		if (!typed && !store.getMapNames().isEmpty()) {
			// Written before typed maps: copied once, then opened again.
			store.close();
			upgrade(file);
			store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes).open();
		}
		store.<String, String>openMap(MARKER).put(LAYOUT, TYPED);
		return store;
	}

	private static void upgrade(Path file) {
		Path copy = file.resolveSibling(file.getFileName() + ".upgrading");
		try (MVStore old = MVStore.open(file.toString())) {
			logger.info("Copying the store file {} into the typed layout", file);
			Files.deleteIfExists(copy);
			try (MVStore upgraded = MVStore.open(copy.toString())) {
				for (String name : old.getMapNames()) {
					copy(old.openMap(name), TypedH2Database.typedMap(upgraded, name));
				}
				upgraded.<String, String>openMap(MARKER).put(LAYOUT, TYPED);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot upgrade the store file " + file, ex);
		}
		try {
			Path kept = file.resolveSibling(file.getFileName() + ".before-typed");
			Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
			Files.move(copy, file);
			logger.info("Upgraded the store file {}; the old one is kept as {}", file, kept);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot replace the store file " + file, ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static void copy(MVMap<Object, Object> from, MVMap<?, ?> typed) {
		MVMap<Object, Object> to = (MVMap<Object, Object>) typed;
		for (Map.Entry<Object, Object> entry : from.entrySet()) {
			Object value = entry.getValue();
			to.put(entry.getKey(), (value instanceof Document document) ? BsonBytes.of(document) : value);
		}
	}

}
