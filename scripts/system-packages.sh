#!/usr/bin/env bash
# Installs a Debian package the tests or the demo need when its file is missing. Source it.

# dpkg calls ldconfig and start-stop-daemon from /usr/sbin and /sbin, which root's PATH may lack.
case ":$PATH:" in
  *:/usr/sbin:*) ;;
  *) export PATH="$PATH:/usr/sbin:/sbin" ;;
esac

ensure_debian_package() {
  local package="$1" file="$2"
  [ -e "$file" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "$file is missing: install it with 'sudo apt-get install -y $package'" >&2
    return 1
  fi
  echo "installing the Debian package $package"
  if [ -z "${RELIABILITY_APT_UPDATED:-}" ]; then
    apt-get update -qq
    RELIABILITY_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
}
