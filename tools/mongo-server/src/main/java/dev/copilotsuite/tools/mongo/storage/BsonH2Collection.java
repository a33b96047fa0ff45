package dev.copilotsuite.tools.mongo.storage;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.BadValueException;

/**
 * mongo-java-server's H2Collection over a typed map. A document is checked to be storable as BSON
 * before it is put, because the map encodes it later, when the store writes its pages.
 */
final class BsonH2Collection extends H2Collection {

    BsonH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                     MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        check(document);
        return super.addDocumentInternal(document);
    }

    /**
     * mongo-java-server has already changed the stored document in place and its index entries when it
     * calls this; an update can only produce BSON values (its operands came over the wire), so a failure
     * here is a bug: the document is put back so that no page ever holds what the store cannot write.
     */
    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        try {
            BsonValues.checkStorable(newDocument);
        } catch (IllegalArgumentException e) {
            newDocument.clear();
            newDocument.putAll(oldDocument);
            throw new BadValueException(e.getMessage());
        }
        super.handleUpdate(position, oldDocument, newDocument);
    }

    private static void check(Document document) {
        try {
            BsonValues.checkStorable(document);
        } catch (IllegalArgumentException e) {
            throw new BadValueException(e.getMessage());
        }
    }
}
