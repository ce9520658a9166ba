package io.debtwatch.infra.mongo;

import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2's {@link ObjectDataType} with one instance per thread, for the keys of the document maps (the
 * documents' ids: text, numbers, ObjectIds, documents). ObjectDataType remembers the type it met last in
 * a plain field, so while the MVStore's serialisation thread wrote a map's pages, a request thread
 * comparing two serialised keys of the same map (ObjectIds, documents) could see the other thread's type
 * and fail with "Can not compare" (H2 2.4.240): now and then an insert, or the carry-over of a stock file,
 * failed. The format on disk is ObjectDataType's, so existing files read as before.
 */
final class ThreadConfinedObjectDataType extends BasicDataType<Object> {

    private final ThreadLocal<ObjectDataType> own = ThreadLocal.withInitial(ObjectDataType::new);

    @Override
    public int compare(Object a, Object b) {
        return own.get().compare(a, b);
    }

    @Override
    public int getMemory(Object obj) {
        return own.get().getMemory(obj);
    }

    @Override
    public void write(WriteBuffer buffer, Object obj) {
        own.get().write(buffer, obj);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        return own.get().read(buffer);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
