package io.custodian.asset.imports;

import io.custodian.asset.inventory.AssetStatus;
import io.custodian.asset.inventory.Category;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "custodian.imports")
interface ImportConfig {

    /**
     * Where uploaded files are kept until their job ends; must survive a restart for an interrupted
     * job to run again.
     */
    Path directory();

    /** Rows parsed, validated and copied into the staging table per round. */
    @WithDefault("5000")
    int chunkSize();

    /**
     * How often a replica looks for queued jobs and for jobs a replica that died left running (each
     * upload also wakes the queue at once).
     */
    @WithDefault("PT5S")
    Duration pollInterval();

    /** How often an interrupted job is run again from its file before it is marked failed. */
    @WithDefault("3")
    int maxAttempts();

    /**
     * From how many rows an import that at least doubles the register drops the register's
     * secondary indexes and foreign keys (and the history's, if it doubles that too) and builds
     * them again after the merge, instead of adding and checking each row one by one.
     */
    @WithDefault("50000")
    long rebuildIndexesFrom();

    /**
     * How long that rebuild waits for the current users of the tables it holds before going row by
     * row.
     */
    @WithDefault("PT5S")
    Duration lockWait();

    /** {@code maintenance_work_mem} for that rebuild. */
    @WithDefault("256MB")
    String indexBuildMemory();

    /** The longest the merge of one import into the register may take (its transaction timeout). */
    @WithDefault("PT1H")
    Duration mergeTimeout();

    /** How a Snipe-IT file's free-form names map onto ours, beside the preset. */
    SnipeIt snipeit();

    /**
     * Snipe-IT's names onto ours, added to the preset ({@link Dialect#SNIPEIT_CATEGORY}, {@link
     * Dialect#SNIPEIT_STATUS}) and overriding it; keys as Snipe-IT spells them (any case, quoted
     * when they have spaces or dots: {@code custodian.imports.snipeit.statuses."Awaiting
     * Parts"=in_repair}).
     */
    interface SnipeIt {

        /** Category names onto ours; a name mapped nowhere is imported as {@code other}. */
        Map<String, Category> categories();

        /** Status labels onto ours; a label mapped nowhere is a row error. */
        Map<String, AssetStatus> statuses();
    }
}
