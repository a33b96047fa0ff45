package dev.copilotsuite.tools.mongo.storage;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.bson.Document;

/** A stored document as one BSON document; its memory is estimated by a walk, not by encoding it. */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return BsonValues.estimate(document);
    }

    @Override
    public void write(WriteBuffer buff, Document document) {
        BsonValues.writeDocument(buff, document);
    }

    @Override
    public Document read(ByteBuffer buff) {
        return BsonValues.readDocument(buff);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
