package dev.ticketing.contracts.events;

/**
 * A payload that carries the state of one aggregate at one version. A consumer applies it only
 * when what it holds is exactly {@code version - 1}; see the platform's VersionCheck.
 */
public interface Versioned {

  String id();

  long version();
}
