// The generated EmbeddedResources.swift is this target's content.
