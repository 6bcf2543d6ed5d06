package net.historyarchive.catalog.collection.service;

import net.historyarchive.catalog.collection.model.Collection;

/**
 * Told, inside the renaming transaction, that a collection's name changed: every member document
 * carries the name in its published snapshot, so each of them has changed too.
 */
public interface CollectionChangeListener {

    void renamed(Collection collection);
}
