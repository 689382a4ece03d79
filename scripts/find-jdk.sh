# Finds a JDK 21 or newer and exports JAVA_HOME (and MAVEN_OPTS for JDK 24+). Source it from bash.
#
# Looks, in this order, at $JAVA_HOME, the java on the PATH, and the usual install locations of
# Linux distributions, macOS, SDKMAN and Homebrew; takes $JAVA_HOME or the java on the PATH when
# they are new enough, else the newest JDK found. Fails with a message when there is none.

synfire_required_java=21

synfire_java_version() { # prints the feature version of the JDK at $1, or nothing
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

synfire_find_jdk() {
    local candidate version best="" best_version=0
    local preferred=()
    [ -n "${JAVA_HOME:-}" ] && preferred+=("$JAVA_HOME")
    if command -v javac >/dev/null 2>&1; then
        preferred+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
    fi
    for candidate in "${preferred[@]}"; do
        version=$(synfire_java_version "$candidate")
        if [ -n "$version" ] && [ "$version" -ge "$synfire_required_java" ]; then
            echo "$candidate"
            return 0
        fi
    done
    for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
                     /Library/Java/JavaVirtualMachines/*/Contents/Home \
                     "$HOME"/.sdkman/candidates/java/* /opt/homebrew/opt/openjdk*/libexec/openjdk.jdk/Contents/Home; do
        [ -d "$candidate" ] || continue
        version=$(synfire_java_version "$candidate")
        if [ -n "$version" ] && [ "$version" -gt "$best_version" ]; then
            best=$candidate
            best_version=$version
        fi
    done
    if [ "$best_version" -ge "$synfire_required_java" ]; then
        echo "$best"
        return 0
    fi
    return 1
}

if ! JAVA_HOME=$(synfire_find_jdk); then
    echo "synfire: no JDK $synfire_required_java or newer found (looked at \$JAVA_HOME, the PATH and the usual" \
         "install locations); install one and set JAVA_HOME to it" >&2
    return 1 2>/dev/null || exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# JDK 24+ warns when a library (Maven's own Guava, Guice) touches sun.misc.Unsafe; the flag exists from JDK 23.
if [ "$(synfire_java_version "$JAVA_HOME")" -ge 24 ]; then
    case " ${MAVEN_OPTS:-} " in
        *sun-misc-unsafe-memory-access*) ;;
        *) export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow" ;;
    esac
fi
