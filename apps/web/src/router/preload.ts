/** Lets a link start loading its page's code early, without links knowing the route table. */
let preloader: ((pathname: string) => void) | null = null;

export function setRoutePreloader(load: (pathname: string) => void): void {
  preloader = load;
}

export function preloadRoute(href: string): void {
  preloader?.(href.split(/[?#]/)[0] ?? href);
}
